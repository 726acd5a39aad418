package cognitolocal

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestFormatEpoch(t *testing.T) {
	for _, tc := range []struct {
		millis          int64
		plain, exponent string
	}{
		{1763461002853, "1763461002.853", "1.763461002853E9"},
		{1760900400000, "1760900400", "1.7609004E9"},
		{1763374112500, "1763374112.5", "1.7633741125E9"},
		{1000, "1", "1.0E0"},
	} {
		at := time.UnixMilli(tc.millis)
		if got := formatEpoch(at, false); got != tc.plain {
			t.Errorf("%d plainly is %s, expected %s", tc.millis, got, tc.plain)
		}
		if got := formatEpoch(at, true); got != tc.exponent {
			t.Errorf("%d in exponent form is %s, expected %s", tc.millis, got, tc.exponent)
		}
	}
}

func TestEpochTime_readsEveryNumberForm(t *testing.T) {
	for _, text := range []string{"1763461002.853", "1.763461002853E9", "1.763461002853e+09"} {
		var e EpochTime
		if err := json.Unmarshal([]byte(text), &e); err != nil {
			t.Fatal(err)
		}
		if e.UnixMilli() != 1763461002853 {
			t.Errorf("%s read as %d ms, expected 1763461002853", text, e.UnixMilli())
		}
	}
}

func TestJobWire_writesEachTimestampOnceInTheAskedForm(t *testing.T) {
	started := NewEpochTime(time.UnixMilli(1763461311027))
	job := Job{JobId: "import-a", CreationDate: NewEpochTime(time.UnixMilli(1763461002853)), StartDate: &started}

	body, err := json.Marshal(job.wire(true))
	if err != nil {
		t.Fatal(err)
	}

	got := string(body)
	for _, want := range []string{`"CreationDate":1.763461002853E9`, `"StartDate":1.763461311027E9`} {
		if strings.Count(got, want) != 1 {
			t.Errorf("%s does not hold %s exactly once", got, want)
		}
	}
	if strings.Count(got, `"CreationDate"`) != 1 || strings.Contains(got, "CompletionDate") {
		t.Errorf("%s repeats a timestamp member or writes one the job lacks", got)
	}
}
