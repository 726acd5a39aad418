package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Names of the Go benchmarks of internal/importjobs that the overhead
// section runs.
const (
	benchRead       = "BenchmarkRead"
	benchListAndMap = "BenchmarkListAndMap"
	benchBareSDK    = "BenchmarkBareSDKLoop"
	benchInTurns    = "BenchmarkInTurns"
)

// BenchResult is one result line of `go test -bench`.
type BenchResult struct {
	// Name is the benchmark's full name without the GOMAXPROCS suffix,
	// such as BenchmarkRead/jobs=1000.
	Name       string
	Iterations int

	// Metrics are the measured values by unit: ns/op, B/op, allocs/op and
	// the benchmarks' own, such as ns/job.
	Metrics map[string]float64
}

// procsSuffix is the -GOMAXPROCS suffix the testing package appends to a
// benchmark's name when GOMAXPROCS is not 1.
var procsSuffix = regexp.MustCompile(`-\d+$`)

// ParseBenchOutput reads the result lines of `go test -bench` output and
// skips every other line.
func ParseBenchOutput(r io.Reader) ([]BenchResult, error) {
	var results []BenchResult
	scanner := bufio.NewScanner(r)
	for scanner.Scan() {
		fields := strings.Fields(scanner.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") || len(fields)%2 != 0 {
			continue
		}
		iterations, err := strconv.Atoi(fields[1])
		if err != nil {
			continue
		}

		result := BenchResult{
			Name:       procsSuffix.ReplaceAllString(fields[0], ""),
			Iterations: iterations,
			Metrics:    make(map[string]float64),
		}
		for i := 2; i < len(fields); i += 2 {
			value, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return nil, fmt.Errorf("reading benchmark line %q: %q is not a number", scanner.Text(), fields[i])
			}
			result.Metrics[fields[i+1]] = value
		}
		results = append(results, result)
	}

	return results, scanner.Err()
}

// testBinary is a compiled test binary of one package, run in the
// package's directory as `go test` runs it.
type testBinary struct {
	path string
	dir  string
}

// benchRounds runs the benchmarks of the test binary that match pattern,
// rounds times over, and gathers the results by name. A round runs every
// benchmark once before the next round starts, so that a benchmark and the
// one it is compared with are measured seconds apart, under the same load.
func (tb testBinary) benchRounds(ctx context.Context, pattern, benchtime string, rounds int,
	progress func(format string, args ...any)) (map[string][]BenchResult, error) {
	byName := make(map[string][]BenchResult)

	for round := 1; round <= rounds; round++ {
		progress("go benchmarks %s, round %d of %d", pattern, round, rounds)
		results, err := tb.run(ctx, pattern, benchtime)
		if err != nil {
			return byName, err
		}
		for _, r := range results {
			byName[r.Name] = append(byName[r.Name], r)
		}
	}

	return byName, nil
}

// run runs the test binary once for the benchmarks matching pattern, with
// extra flags such as profile outputs.
func (tb testBinary) run(ctx context.Context, pattern, benchtime string,
	extra ...string) ([]BenchResult, error) {
	args := append([]string{"-test.run", "^$", "-test.bench", pattern,
		"-test.benchtime", benchtime, "-test.benchmem"}, extra...)
	cmd := exec.CommandContext(ctx, tb.path, args...)
	cmd.Dir = tb.dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("running the Go benchmarks %s: %w\n%s%s", pattern, err, out.String(),
			errOut.String())
	}

	results, err := ParseBenchOutput(&out)
	if err != nil {
		return nil, err
	}
	if len(results) == 0 {
		return nil, fmt.Errorf("the Go benchmarks %s printed no result:\n%s", pattern, out.String())
	}
	return results, nil
}

// median is the middle of values, or the mean of the two middle ones; zero
// for no values.
func median(values []float64) float64 {
	if len(values) == 0 {
		return 0
	}
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	mid := len(sorted) / 2
	if len(sorted)%2 == 1 {
		return sorted[mid]
	}
	return (sorted[mid-1] + sorted[mid]) / 2
}

// metric is the median of one metric over the results.
func metric(results []BenchResult, unit string) float64 {
	return median(metrics(results, unit))
}

// metrics are the values of one metric over the results.
func metrics(results []BenchResult, unit string) []float64 {
	values := make([]float64, 0, len(results))
	for _, r := range results {
		values = append(values, r.Metrics[unit])
	}
	return values
}

// spread shows the median of the values of rounds with their range and
// how many rounds there were, as in "1.21× (1.15–1.30, 5 rounds)".
func spread(values []float64, format func(float64) string) string {
	switch len(values) {
	case 0:
		return "no rounds"
	case 1:
		return format(values[0]) + " (1 round)"
	}
	return fmt.Sprintf("%s (%.2f–%.2f, %d rounds)", format(median(values)), slices.Min(values),
		slices.Max(values), len(values))
}
