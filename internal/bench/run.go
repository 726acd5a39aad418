package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// Config says what a run measures, and with what.
type Config struct {
	// Root is the module's root directory, where the provider and the
	// benchmarks are built and ConfigDir is found.
	Root string

	// ConfigDir is the configuration that is planned: it reads the pool
	// that var.user_pool_id names at var.endpoint and outputs a summary
	// of its jobs, job_count among them.
	ConfigDir string

	// CLIs plan the configuration. The first is the reference: the
	// requests, the peer and the rate limit are measured with it alone.
	CLIs []CLI

	// AWSCLI is the path of the aws command, the peer; empty skips it.
	AWSCLI string

	// Latency is injected into every answer of the end-to-end plans, and
	// RateLimit is the requests a second one pool serves in the last
	// section.
	Latency   time.Duration
	RateLimit float64

	// PlanRuns is how many times each end-to-end plan runs, and
	// RateLimitRuns how many times each rate-limited one does; the
	// figures are their medians.
	PlanRuns      int
	RateLimitRuns int

	// Rounds and LargeRounds are how many times the Go benchmarks run at
	// 1,000 and at 100,000 jobs, each time for BenchTime.
	Rounds      int
	LargeRounds int
	BenchTime   string

	// ProfileDir, when set, receives CPU and memory profiles of the Go
	// benchmarks at 1,000 jobs.
	ProfileDir string

	// Progress receives a line for each step, so that a run of minutes
	// shows where it is.
	Progress io.Writer
}

const (
	// thousand is the most jobs a pool holds, the size users feel.
	thousand = 1000

	// pageJobs is the most jobs the service puts on a page.
	pageJobs = 50

	// memoryTarget is the most the provider may hold while it reads a
	// thousand jobs.
	memoryTarget = 64 << 20

	// overheadTarget and scalingTarget hold the list-and-map path to the
	// bare SDK loop and to itself at a hundred times the jobs.
	overheadTarget = 1.3
	scalingTarget  = 1.5

	// planSlack is what a plan of a thousand jobs may take beyond the
	// round trips of its pages and a plan of one job.
	planSlack = time.Second
)

// progress tells whoever watches a run what it is doing. A write that
// fails changes no figure, so its error is dropped.
func (c Config) progress(format string, args ...any) {
	_, _ = fmt.Fprintf(c.Progress, "bench: "+format+"\n", args...)
}

// tools are what a run builds before it measures.
type tools struct {
	root        string
	provider    string
	peakRSS     string
	mirror      string
	rssMirror   string
	rssRecord   string
	scratchRoot string
}

// Run measures every section and hands each to report as soon as it is
// done. It returns an error only when it could not build what it
// measures; a section that fails says so in its Err.
func Run(ctx context.Context, cfg Config, report func(Section)) ([]Section, error) {
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	scratch, err := os.MkdirTemp("", "cognito-bench")
	if err != nil {
		return nil, err
	}
	// The scratch directory holds only what the run built; a failure to
	// remove it leaves a temporary directory behind and nothing else.
	defer func() { _ = os.RemoveAll(scratch) }()

	t, err := build(ctx, cfg, scratch)
	if err != nil {
		return nil, err
	}

	var sections []Section
	done := func(s Section) {
		sections = append(sections, s)
		report(s)
	}

	done(requestsSection(ctx, cfg, t))
	done(overheadSection(ctx, cfg, t))

	var reference time.Duration
	for i, cli := range cfg.CLIs {
		s, plan := endToEndSection(ctx, cfg, t, cli)
		if i == 0 {
			reference = plan
		}
		done(s)
	}

	done(peerSection(ctx, cfg, t, reference))
	done(rateLimitSection(ctx, cfg, t))

	return sections, nil
}

// build compiles the provider and peak-rss, and lays out the two provider
// mirrors: the provider itself, and the provider run by peak-rss.
func build(ctx context.Context, cfg Config, scratch string) (tools, error) {
	bin := filepath.Join(scratch, "bin")
	t := tools{
		root:        cfg.Root,
		provider:    filepath.Join(bin, "terraform-provider-cognito"),
		peakRSS:     filepath.Join(bin, "peak-rss"),
		mirror:      filepath.Join(scratch, "mirror"),
		rssMirror:   filepath.Join(scratch, "mirror-peak-rss"),
		rssRecord:   filepath.Join(scratch, "peak-rss.log"),
		scratchRoot: scratch,
	}

	cfg.progress("building the provider and peak-rss")
	if err := t.goCommand(ctx, "build", "-ldflags", "-X main.version="+providerVersion,
		"-o", t.provider, "."); err != nil {
		return t, err
	}
	if err := t.goCommand(ctx, "build", "-o", t.peakRSS, "./internal/bench/cmd/peak-rss"); err != nil {
		return t, err
	}

	if err := mirror(t.mirror, copyExecutable(t.provider)); err != nil {
		return t, err
	}
	if err := mirror(t.rssMirror, peakRSSScript(t.peakRSS, t.provider, t.rssRecord)); err != nil {
		return t, err
	}
	return t, nil
}

// goCommand runs the go command with args in the module's root.
func (t tools) goCommand(ctx context.Context, args ...string) error {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = t.root
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %s: %w\n%s", args[0], err, out)
	}
	return nil
}

// benchmarks compiles the test binary of internal/importjobs, whose
// benchmarks the overhead section runs.
func (t tools) benchmarks(ctx context.Context) (testBinary, error) {
	tb := testBinary{path: filepath.Join(t.scratchRoot, "bin", "importjobs.test"),
		dir: filepath.Join(t.root, "internal", "importjobs")}
	return tb, t.goCommand(ctx, "test", "-c", "-o", tb.path, "./internal/importjobs")
}

// scratchDir makes a new directory for one workspace or tool.
func (t tools) scratchDir(name string) (string, error) {
	return os.MkdirTemp(t.scratchRoot, name)
}

// workspace initialises a workspace of the configuration for cli, with the
// provider of mirrorDir.
func (t tools) workspace(ctx context.Context, cfg Config, cli CLI, mirrorDir string) (*workspace, error) {
	dir, err := t.scratchDir("workspace")
	if err != nil {
		return nil, err
	}
	cfg.progress("%s init in %s", cli.Name, dir)
	return newWorkspace(ctx, cli, filepath.Join(cfg.Root, cfg.ConfigDir), mirrorDir, dir)
}

// pagesFor is how many pages a listing of n jobs takes: one even for none.
func pagesFor(n int) int {
	return max(1, (n+pageJobs-1)/pageJobs)
}

// errNoCLI reports a run with nothing to plan with.
var errNoCLI = errors.New("no Terraform CLI to plan with")
