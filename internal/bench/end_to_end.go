package bench

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// planTimes are the durations of several runs of one plan.
type planTimes []time.Duration

func (p planTimes) median() time.Duration {
	values := make([]float64, len(p))
	for i, d := range p {
		values[i] = float64(d)
	}
	return time.Duration(median(values))
}

// String shows the median with the spread of the runs.
func (p planTimes) String() string {
	switch len(p) {
	case 0:
		return "no runs"
	case 1:
		return seconds(p[0]) + " (1 run)"
	}
	lo, hi := p[0], p[0]
	for _, d := range p {
		lo, hi = min(lo, d), max(hi, d)
	}
	return fmt.Sprintf("%s (%.2f–%.2f, %d runs)", seconds(p.median()), lo.Seconds(), hi.Seconds(), len(p))
}

// endToEndSection plans the configuration with cli over one job and over a
// thousand, with cfg.Latency on every answer, in turns, so that both see
// the same load; then once more each with the provider run by peak-rss. It
// returns the median plan of a thousand jobs, for the peer to be compared
// with.
func endToEndSection(ctx context.Context, cfg Config, t tools, cli CLI) (Section, time.Duration) {
	s := Section{Title: fmt.Sprintf("End to end: %s plan with %s of latency a request", cli.Name, cfg.Latency)}

	e, err := startEndpoint(cognitolocal.Faults{Latency: cfg.Latency}, 1, thousand)
	if err != nil {
		s.Err = err
		return s, 0
	}
	defer e.close()

	w, err := t.workspace(ctx, cfg, cli, t.mirror)
	if err != nil {
		s.Err = err
		return s, 0
	}

	var one, all planTimes
	for run := 1; run <= cfg.PlanRuns; run++ {
		cfg.progress("%s plan of 1 and of 1,000 jobs, run %d of %d", cli.Name, run, cfg.PlanRuns)
		for _, n := range []int{1, thousand} {
			elapsed, err := timedPlan(ctx, w, e, n)
			if err != nil {
				s.Err = err
				return s, 0
			}
			if n == 1 {
				one = append(one, elapsed)
			} else {
				all = append(all, elapsed)
			}
		}
	}

	floor := time.Duration(pagesFor(thousand)) * cfg.Latency
	limit := floor + one.median() + planSlack
	plan := atMost("plan, 1,000 jobs", all.median().Seconds(), limit.Seconds(), secondsOf)
	plan.Value = all.String()
	plan.Target += fmt.Sprintf(" (floor + plan(1) + %s)", planSlack)
	s.add(
		reported("plan, 1 job", one.String()),
		plan,
		reported(fmt.Sprintf("floor: %d pages × %s", pagesFor(thousand), cfg.Latency), seconds(floor)),
		reported("plan(1,000) − plan(1) − floor", seconds(all.median()-one.median()-floor)),
	)

	rssWorkspace, err := t.workspace(ctx, cfg, cli, t.rssMirror)
	if err != nil {
		s.Err = err
		return s, all.median()
	}
	for _, n := range []int{thousand, 1} {
		cfg.progress("%s plan of %s, provider under peak-rss", cli.Name, jobs(n))
		peak, processes, err := peakRSSOfPlan(ctx, rssWorkspace, e, t.rssRecord, n)
		if err != nil {
			s.Err = err
			return s, all.median()
		}
		name := fmt.Sprintf("provider peak RSS, %s (%d processes)", jobs(n), processes)
		if n == thousand {
			s.add(atMost(name, float64(peak), memoryTarget, mebibytes))
		} else {
			s.add(reported(name, mebibytes(float64(peak))))
		}
	}

	s.note("The floor is the round trips of the pages one after another, each page waiting " +
		"for the token of the one before. Plans of 1 and of 1,000 jobs run in turns; the " +
		"figures are medians. The peak RSS is the kernel's count for the provider process " +
		"(ru_maxrss), the largest of the provider processes the plan started.")
	return s, all.median()
}

// timedPlan plans the pool of n jobs and checks that the read took one
// call a page and nothing else.
func timedPlan(ctx context.Context, w *workspace, e *endpoint, n int) (time.Duration, error) {
	mark := e.mark()
	elapsed, err := w.plan(ctx, e.URL, n)
	if err != nil {
		return elapsed, err
	}
	if got := e.trafficSince(mark); got.listCalls != pagesFor(n) || got.otherCalls != 0 {
		return elapsed, fmt.Errorf("%s plan of %d jobs made %d ListUserImportJobs calls and %d "+
			"others, expected %d and none", w.cli.Name, n, got.listCalls, got.otherCalls, pagesFor(n))
	}
	return elapsed, nil
}

// peakRSSOfPlan plans the pool of n jobs in a workspace whose provider runs
// under peak-rss, and returns the largest peak RSS of its provider
// processes and how many there were.
func peakRSSOfPlan(ctx context.Context, w *workspace, e *endpoint, record string, n int) (int64, int, error) {
	if err := os.Remove(record); err != nil && !os.IsNotExist(err) {
		return 0, 0, err
	}
	if _, err := timedPlan(ctx, w, e, n); err != nil {
		return 0, 0, err
	}
	return readPeakRSS(record)
}
