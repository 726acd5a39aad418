package bench

import (
	"strings"
	"testing"
)

// benchOutput is what a test binary prints for two benchmarks.
const benchOutput = `goos: linux
goarch: amd64
pkg: github.com/cognito-tf/terraform-provider-cognito/internal/importjobs
cpu: AMD EPYC
BenchmarkRead/jobs=1000-2         	      46	  50900948 ns/op	     50901 ns/job	16791694 B/op	  215948 allocs/op
BenchmarkBareSDKLoop/jobs=1000-2  	      60	  39148050 ns/op	     39148 ns/job	 8775549 B/op	   72570 allocs/op
PASS
`

func TestParseBenchOutput_readsEveryMetricOfEachResultLine(t *testing.T) {
	results, err := ParseBenchOutput(strings.NewReader(benchOutput))
	if err != nil {
		t.Fatal(err)
	}

	if len(results) != 2 {
		t.Fatalf("read %d results, expected 2 (one a Benchmark line)", len(results))
	}
	read := results[0]
	if read.Name != "BenchmarkRead/jobs=1000" || read.Iterations != 46 {
		t.Errorf("read %q with %d iterations, expected BenchmarkRead/jobs=1000 with 46", read.Name, read.Iterations)
	}
	want := map[string]float64{"ns/op": 50900948, "ns/job": 50901, "B/op": 16791694, "allocs/op": 215948}
	for unit, value := range want {
		if read.Metrics[unit] != value {
			t.Errorf("%s of %s is %v, expected %v", unit, read.Name, read.Metrics[unit], value)
		}
	}
}

func TestParseBenchOutput_refusesAValueThatIsNotANumber(t *testing.T) {
	_, err := ParseBenchOutput(strings.NewReader("BenchmarkRead-2 10 fast ns/op\n"))

	if err == nil || !strings.Contains(err.Error(), `"fast"`) {
		t.Errorf("got error %v, expected one naming the value \"fast\"", err)
	}
}

func TestSpread_showsTheMedianWithTheRange(t *testing.T) {
	got := spread([]float64{1.25, 1.2, 1.4}, ratio)

	if want := "1.25× (1.20–1.40, 3 rounds)"; got != want {
		t.Errorf("spread is %q, expected %q", got, want)
	}
	if got, want := spread([]float64{1.4}, ratio), "1.40× (1 round)"; got != want {
		t.Errorf("spread of one value is %q, expected %q", got, want)
	}
}

func TestMedian_isTheMiddleOrTheMeanOfTheTwoMiddles(t *testing.T) {
	for _, tc := range []struct {
		values []float64
		want   float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(tc.values); got != tc.want {
			t.Errorf("median of %v is %v, expected %v", tc.values, got, tc.want)
		}
	}
}
