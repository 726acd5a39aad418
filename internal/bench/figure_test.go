package bench

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestAtMost_missesOnlyAboveTheLimit(t *testing.T) {
	for _, tc := range []struct {
		value float64
		want  Verdict
	}{
		{1.29, Met}, {1.3, Met}, {1.31, Missed},
	} {
		f := atMost("overhead", tc.value, 1.3, ratio)
		if f.Verdict != tc.want {
			t.Errorf("%v against at most 1.3 is %s, expected %s", tc.value, f.Verdict, tc.want)
		}
		if f.Target != "≤ 1.30×" {
			t.Errorf("the target reads %q, expected ≤ 1.30×", f.Target)
		}
	}
}

func TestExactly_missesAnyOtherCount(t *testing.T) {
	if f := exactly("calls", 20, 20); f.Verdict != Met || f.Value != "20 calls" || f.Target != "= 20" {
		t.Errorf("20 calls against 20 gave %+v, expected met, \"20 calls\", \"= 20\"", f)
	}
	if f := exactly("calls", 1, 1); f.Value != "1 call" {
		t.Errorf("1 call against 1 reads %q, expected \"1 call\"", f.Value)
	}
	for _, got := range []int{19, 21} {
		if f := exactly("calls", got, 20); f.Verdict != Missed {
			t.Errorf("%d calls against 20 is %s, expected missed", got, f.Verdict)
		}
	}
}

func TestPrint_showsEachFigureBesideItsTargetAndVerdict(t *testing.T) {
	s := Section{Title: "End to end"}
	s.add(
		atMost("plan, 1,000 jobs", 2.5, 2.2, secondsOf),
		reported("floor", seconds(time.Second)),
	)
	s.note("The floor is the round trips.")
	s.Err = errors.New("the plan of 1 job failed")
	var out bytes.Buffer

	if err := Print(&out, s); err != nil {
		t.Fatal(err)
	}

	text := out.String()
	for _, want := range []string{
		"## End to end",
		"plan, 1,000 jobs  2.50 s    ≤ 2.20 s  MISSED",
		"floor             1.00 s    (none)    -",
		"The floor is the round trips.",
		"FAILED: the plan of 1 job failed",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed section lacks %q:\n%s", want, text)
		}
	}
}

func TestCount_talliesVerdictsAndFailedSections(t *testing.T) {
	sections := []Section{
		{Figures: []Figure{{Verdict: Met}, {Verdict: Reported}, {Verdict: Missed}}},
		{Figures: []Figure{{Verdict: Met}}, Err: errors.New("no aws command")},
	}

	got := Count(sections)

	if want := (Tally{Met: 2, Missed: 1, Failed: 1}); got != want {
		t.Errorf("tallied %+v, expected %+v", got, want)
	}
}

func TestJobs_countsInWords(t *testing.T) {
	for n, want := range map[int]string{0: "0 jobs", 1: "1 job", 51: "51 jobs", 1000: "1,000 jobs",
		100000: "100,000 jobs"} {
		if got := jobs(n); got != want {
			t.Errorf("jobs(%d) is %q, expected %q", n, got, want)
		}
	}
}
