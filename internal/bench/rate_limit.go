package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// retryModes are the provider's retry modes, as AWS_RETRY_MODE sets them:
// the default first.
var retryModes = []string{"standard", "adaptive"}

// rateLimitSection plans a thousand jobs with the reference CLI against
// an endpoint that serves each pool cfg.RateLimit requests a second, as
// the service is said to, and throttles the rest; once with each retry
// mode. However fast the round trip, the pages cannot come faster than
// the limit allows.
func rateLimitSection(ctx context.Context, cfg Config, t tools) Section {
	s := Section{Title: fmt.Sprintf("Real-service floor: %.0f requests a second a pool, %s of latency",
		cfg.RateLimit, cfg.Latency)}
	if len(cfg.CLIs) == 0 {
		s.Err = errNoCLI
		return s
	}
	cli := cfg.CLIs[0]
	s.Title += " (" + cli.Name + ")"

	w, err := t.workspace(ctx, cfg, cli, t.mirror)
	if err != nil {
		s.Err = err
		return s
	}

	pages := pagesFor(thousand)
	floor := perSecond(float64(pages), cfg.RateLimit)
	s.add(reported(fmt.Sprintf("floor: %d requests at %.0f a second", pages, cfg.RateLimit), seconds(floor)))

	for _, mode := range retryModes {
		var times planTimes
		throttled := 0
		for run := 1; run <= cfg.RateLimitRuns; run++ {
			cfg.progress("%s plan of 1,000 jobs under the rate limit, %s retries, run %d of %d",
				cli.Name, mode, run, cfg.RateLimitRuns)
			elapsed, got, err := rateLimitedPlan(ctx, cfg, w, mode)
			if err != nil {
				s.Err = err
				return s
			}
			times = append(times, elapsed)
			throttled += got.throttled
		}
		s.add(
			reported(fmt.Sprintf("plan, 1,000 jobs, %s retries", mode), times.String()),
			reported(fmt.Sprintf("  ÷ floor; throttled requests a plan (%s)", mode),
				fmt.Sprintf("%s; %.1f", ratio(times.median().Seconds()/floor.Seconds()),
					float64(throttled)/float64(len(times)))),
		)
	}

	s.note("Each plan meets a fresh endpoint, so that every one starts with the limit's full "+
		"burst of one second's worth (%.0f requests), as a pool that was idle does: a client "+
		"pacing itself perfectly would take %s of the floor's %s. A throttled request is "+
		"retried after the SDK's backoff; the adaptive mode also slows its own sending once "+
		"throttled. The plan's own start, about the plan of 1 job above, comes on top.",
		cfg.RateLimit, seconds(perSecond(float64(pages)-max(cfg.RateLimit, 1), cfg.RateLimit)), seconds(floor))
	return s
}

// perSecond is how long n requests take at rate requests a second.
func perSecond(n, rate float64) time.Duration {
	return time.Duration(n / rate * float64(time.Second))
}

// rateLimitedPlan plans the thousand jobs against a fresh rate-limited
// endpoint with the retry mode, and returns how long it took and what the
// endpoint saw.
func rateLimitedPlan(ctx context.Context, cfg Config, w *workspace,
	mode string) (time.Duration, traffic, error) {
	e, err := startEndpoint(cognitolocal.Faults{Latency: cfg.Latency, RateLimit: cfg.RateLimit}, thousand)
	if err != nil {
		return 0, traffic{}, err
	}
	defer e.close()

	elapsed, err := w.plan(ctx, e.URL, thousand, "AWS_RETRY_MODE="+mode)
	if err != nil {
		return elapsed, traffic{}, err
	}
	got := e.trafficSince(0)
	if got.listCalls != pagesFor(thousand) || got.otherCalls != 0 {
		return elapsed, got, fmt.Errorf("%s plan under the rate limit made %d ListUserImportJobs calls "+
			"and %d others, expected %d and none", w.cli.Name, got.listCalls, got.otherCalls,
			pagesFor(thousand))
	}
	return elapsed, got, nil
}
