// Command cognito-bench measures the provider's speed and memory against
// the floor and against its peers, and prints each figure beside its
// target; `make bench` runs it from the module's root:
//
//	cognito-bench -terraform .tools/terraform/1.5.7/terraform -opentofu .tools/opentofu/1.10.6/tofu
//
// It builds what it measures into a temporary directory, serves the local
// endpoint on loopback only, and writes nothing else unless -profile names
// a directory. The report goes to standard output, progress to standard
// error. It exits with 1 when a target is missed or a section could not be
// measured, and with 2 when it could not start.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/cognito-tf/terraform-provider-cognito/internal/bench"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// settings are what the command line asks for.
type settings struct {
	config    bench.Config
	terraform string
	opentofu  string
}

func parse(args []string, stderr io.Writer) (settings, error) {
	var s settings
	c := &s.config
	fs := flag.NewFlagSet("cognito-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)

	fs.StringVar(&s.terraform, "terraform", ".tools/terraform/1.5.7/terraform", "Terraform CLI to plan with")
	fs.StringVar(&s.opentofu, "opentofu", ".tools/opentofu/1.10.6/tofu",
		"OpenTofu CLI to plan with as well, when it exists")
	// COGNITO_AWSCLI names the CLI for the endpoint's own AWS CLI test too.
	awsCLI := cmp.Or(os.Getenv("COGNITO_AWSCLI"), "aws")
	fs.StringVar(&c.AWSCLI, "aws", awsCLI, "AWS CLI, the peer; COGNITO_AWSCLI sets the default")
	fs.StringVar(&c.ConfigDir, "config", "examples/demo", "configuration to plan, relative to the module root")
	fs.DurationVar(&c.Latency, "latency", 50*time.Millisecond, "latency injected into every answer")
	fs.Float64Var(&c.RateLimit, "rate-limit", 5, "requests a second a pool serves in the rate-limit section")
	fs.IntVar(&c.PlanRuns, "plan-runs", 5, "runs of each end-to-end plan")
	fs.IntVar(&c.RateLimitRuns, "rate-limit-runs", 3, "runs of each rate-limited plan")
	fs.IntVar(&c.Rounds, "rounds", 5, "rounds of the Go benchmarks at 1,000 jobs")
	fs.IntVar(&c.LargeRounds, "large-rounds", 3, "rounds of the Go benchmarks at 100,000 jobs")
	fs.StringVar(&c.BenchTime, "benchtime", "2s", "time of each Go benchmark at 1,000 jobs a round")
	fs.StringVar(&c.ProfileDir, "profile", "",
		"directory to write CPU and memory profiles of the Go benchmarks to")

	if err := fs.Parse(args); err != nil {
		return s, err
	}
	if fs.NArg() > 0 {
		return s, fmt.Errorf("unexpected argument %q: every setting is a flag", fs.Arg(0))
	}
	if c.Latency < 0 || c.RateLimit <= 0 || c.PlanRuns < 1 || c.RateLimitRuns < 1 || c.Rounds < 1 ||
		c.LargeRounds < 1 {
		return s, errors.New("-latency cannot be negative, and -rate-limit, -plan-runs, " +
			"-rate-limit-runs, -rounds and -large-rounds must be positive")
	}
	return s, nil
}

func run(args []string, stdout, stderr io.Writer) int {
	s, err := parse(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var cfg bench.Config
	var missing []string
	if err == nil {
		cfg, missing, err = configure(s, stderr)
	}
	if err != nil {
		// Nothing else is left to tell the user, should stderr fail too.
		_, _ = fmt.Fprintf(stderr, "cognito-bench: %v\n", err)
		return 2
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	started := time.Now()
	r := &report{w: stdout}
	r.header(cfg, missing)
	sections, err := bench.Run(ctx, cfg, r.section)
	if err != nil {
		_, _ = fmt.Fprintf(stderr, "cognito-bench: %v\n", err)
		return 2
	}

	tally := bench.Count(sections)
	r.printf("\n## Summary\n\n  targets met: %d, missed: %d; sections that failed: %d; "+
		"run took %s; load average at the end: %s\n", tally.Met, tally.Missed, tally.Failed,
		time.Since(started).Round(time.Second), loadAverage())
	switch {
	case r.err != nil:
		_, _ = fmt.Fprintf(stderr, "cognito-bench: writing the report: %v\n", r.err)
		return 2
	case tally.Missed > 0 || tally.Failed > 0:
		return 1
	}
	return 0
}

// configure finds the module's root and the CLIs to measure with, and
// says which of them it could not find.
func configure(s settings, stderr io.Writer) (bench.Config, []string, error) {
	cfg := s.config
	cfg.Progress = stderr

	var err error
	if cfg.Root, err = os.Getwd(); err != nil {
		return cfg, nil, err
	}
	if _, err := os.Stat(filepath.Join(cfg.Root, cfg.ConfigDir)); err != nil {
		return cfg, nil, fmt.Errorf("no configuration %s here: run it from the module's root, "+
			"as make bench does", cfg.ConfigDir)
	}

	terraform, err := cliAt("Terraform", s.terraform)
	if err != nil {
		return cfg, nil, fmt.Errorf("%w (make bench builds it)", err)
	}
	cfg.CLIs = []bench.CLI{terraform}
	var missing []string
	if tofu, err := cliAt("OpenTofu", s.opentofu); err == nil {
		cfg.CLIs = append(cfg.CLIs, tofu)
	} else {
		missing = append(missing, fmt.Sprintf("OpenTofu not measured: %v.", err))
	}

	// Without an AWS CLI the peer section says it has none.
	if path, err := exec.LookPath(cfg.AWSCLI); err == nil {
		cfg.AWSCLI = path
	} else {
		cfg.AWSCLI = ""
	}
	return cfg, missing, nil
}

// report writes the report and keeps the first error, so that a report
// that could not be written ends the run as a failure, not in silence.
type report struct {
	w   io.Writer
	err error
}

func (r *report) printf(format string, args ...any) {
	if r.err == nil {
		_, r.err = fmt.Fprintf(r.w, format, args...)
	}
}

func (r *report) section(s bench.Section) {
	if r.err == nil {
		r.err = bench.Print(r.w, s)
	}
}

// header says what the run measures and on what, for whoever reads the
// figures later.
func (r *report) header(cfg bench.Config, missing []string) {
	names := make([]string, len(cfg.CLIs))
	for i, c := range cfg.CLIs {
		names[i] = c.Name
	}
	r.printf("# cognito-bench, %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	r.printf("  machine: %s, %d CPUs, %s/%s, %s; load average at the start: %s\n",
		cpuModel(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), loadAverage())
	r.printf("  CLIs: %s; AWS CLI: %s\n", strings.Join(names, ", "), orNone(cfg.AWSCLI))
	for _, m := range missing {
		r.printf("  %s\n", m)
	}
}

// cliAt names the CLI at path after what it says its version is.
func cliAt(kind, path string) (bench.CLI, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return bench.CLI{}, err
	}
	if _, err := os.Stat(abs); err != nil {
		return bench.CLI{}, fmt.Errorf("no %s CLI at %s", kind, abs)
	}

	cmd := exec.Command(abs, "version")
	// The machine's CLI configuration has no say in a version.
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE=/dev/null", "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		return bench.CLI{}, fmt.Errorf("%s version: %w", abs, err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	// "Terraform v1.5.7" or "OpenTofu v1.10.6".
	return bench.CLI{Name: strings.Replace(strings.TrimSpace(first), " v", " ", 1), Path: abs}, nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// cpuModel is the processor's name as Linux gives it, or "unknown CPU".
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return "unknown CPU"
}

// loadAverage is the 1, 5 and 15 minute load averages, which say how much
// else ran on the machine while it measured.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	fields := strings.Fields(string(b))
	if len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], " ")
}
