package bench

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
)

// overheadSizes are the pool sizes of the Go benchmarks: the most a pool
// holds, and a hundred times that, to see how the cost grows.
var overheadSizes = []int{thousand, 100 * thousand}

// overheadSection runs the Go benchmarks of internal/importjobs round
// after round at 1,000 and at 100,000 jobs against the in-process
// endpoint: BenchmarkInTurns for the ratios of the read and of the
// list-and-map path to a bare SDK loop, and each path alone for its time,
// memory and allocations.
func overheadSection(ctx context.Context, cfg Config, t tools) Section {
	s := Section{Title: "Provider overhead: Go benchmarks against the in-process endpoint"}
	alone := []string{benchRead, benchListAndMap, benchBareSDK}

	cfg.progress("building the Go benchmarks")
	binary, err := t.benchmarks(ctx)
	if err != nil {
		s.Err = err
		return s
	}

	// At 1,000 jobs every benchmark runs for BenchTime a round. At 100,000
	// one iteration takes seconds: each path alone runs once a round, and
	// BenchmarkInTurns three times in one round, so that each path starts
	// an iteration once.
	runs := []struct {
		n                  int
		pattern, benchtime string
		rounds             int
	}{
		{thousand, anyOf(append(alone, benchInTurns)...), cfg.BenchTime, cfg.Rounds},
		{100 * thousand, anyOf(alone...), "1x", cfg.LargeRounds},
		{100 * thousand, anyOf(benchInTurns), "3x", 1},
	}
	results := map[int]map[string][]BenchResult{thousand: {}, 100 * thousand: {}}
	for _, r := range runs {
		got, err := binary.benchRounds(ctx, fmt.Sprintf("%s/^jobs=%d$", r.pattern, r.n), r.benchtime,
			r.rounds, cfg.progress)
		if err != nil {
			s.Err = err
			return s
		}
		maps.Copy(results[r.n], got)
	}
	at := func(name string, n int) []BenchResult {
		return results[n][fmt.Sprintf("%s/jobs=%d", name, n)]
	}
	for _, n := range overheadSizes {
		for _, name := range []string{benchInTurns, benchRead, benchListAndMap, benchBareSDK} {
			if len(at(name, n)) == 0 {
				s.Err = fmt.Errorf("the Go benchmarks gave no result for %s/jobs=%d", name, n)
				return s
			}
		}
	}

	for _, n := range overheadSizes {
		turns := at(benchInTurns, n)
		listAndMap := metrics(turns, "list-and-map/bare")
		name := fmt.Sprintf("list-and-map ÷ bare SDK loop, %s", jobs(n))
		if n == thousand {
			f := atMost(name, median(listAndMap), overheadTarget, ratio)
			f.Value = spread(listAndMap, ratio)
			s.add(f)
		} else {
			s.add(reported(name, spread(listAndMap, ratio)))
		}
		s.add(reported(fmt.Sprintf("whole Read ÷ bare SDK loop, %s", jobs(n)),
			spread(metrics(turns, "read/bare"), ratio)))
	}

	for _, name := range []string{benchListAndMap, benchRead, benchBareSDK} {
		scaling := metric(at(name, 100*thousand), "ns/job") / metric(at(name, thousand), "ns/job")
		label := fmt.Sprintf("%s: time a job, 100,000 ÷ 1,000", name)
		if name == benchListAndMap {
			s.add(atMost(label, scaling, scalingTarget, ratio))
		} else {
			s.add(reported(label, ratio(scaling)))
		}
	}

	for _, n := range overheadSizes {
		for _, name := range []string{benchListAndMap, benchRead, benchBareSDK} {
			runs := at(name, n)
			s.add(reported(fmt.Sprintf("%s/jobs=%d", name, n), fmt.Sprintf("%.0f ns/op  %.0f B/op  %.0f allocs/op",
				metric(runs, "ns/op"), metric(runs, "B/op"), metric(runs, "allocs/op"))))
		}
	}

	s.note("The ratios come from %s, which runs the three paths in turns over one endpoint and "+
		"takes the median of their ratios over its iterations; shown is their median over %d "+
		"rounds of %s with their range, and at 100,000 jobs one round of three iterations. "+
		"Times, bytes and allocations are medians of each path benchmarked alone, over %d "+
		"rounds of one iteration at 100,000 jobs. The bare SDK loop reads the same pages with "+
		"aws-sdk-go-v2 alone and keeps the jobs; every figure here includes the in-process "+
		"endpoint's own work.", benchInTurns, cfg.Rounds, cfg.BenchTime, cfg.LargeRounds)

	if cfg.ProfileDir != "" {
		if err := profile(ctx, cfg, binary); err != nil {
			s.Err = err
			return s
		}
		s.note("Profiles of %s and %s at 1,000 jobs are in %s; read them with "+
			"`go tool pprof -top %s`.", benchRead, benchListAndMap, cfg.ProfileDir,
			filepath.Join(cfg.ProfileDir, "read.cpu.pprof"))
	}
	return s
}

// anyOf is a -test.bench pattern for the top-level benchmarks named.
func anyOf(names ...string) string {
	return "^(" + strings.Join(names, "|") + ")$"
}

// profile writes CPU and memory profiles of the read and of the
// list-and-map path at 1,000 jobs into cfg.ProfileDir.
func profile(ctx context.Context, cfg Config, binary testBinary) error {
	dir, err := filepath.Abs(cfg.ProfileDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, file := range map[string]string{benchRead: "read", benchListAndMap: "list-and-map"} {
		cfg.progress("profiling %s", name)
		_, err := binary.run(ctx, "^"+name+"$/^jobs=1000$", "3s",
			"-test.cpuprofile", filepath.Join(dir, file+".cpu.pprof"),
			"-test.memprofile", filepath.Join(dir, file+".mem.pprof"))
		if err != nil {
			return err
		}
	}
	return nil
}
