package importjobs

import (
	"context"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go/middleware"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/time/rate"
)

// pacedInterval is the time between two attempts on a user pool once the
// service has throttled it: four a second, under the service's read quota
// of about five a second per pool, so that the pages after a throttled one
// are not throttled in turn.
//
// NOTE: the interval is fixed, because the API tells no client its quota:
// a pool whose quota was raised is paced under it all the same once it is
// throttled, until the provider's run ends.
const pacedInterval = 250 * time.Millisecond

// poolPace spaces the requests of one user pool once the service has
// throttled one of them. Until then it lets every request through at once,
// so that a read which is never throttled is never slowed down.
//
// The SDK's retryer backs off from each throttled request, but on its own:
// the next page goes out as soon as a retry succeeds, and is throttled in
// its turn. Its adaptive mode does pace requests, but for the whole client,
// so that one throttled pool would slow the reads of every other. The
// service's quota is per pool, so the pace is too.
type poolPace struct {
	mu sync.Mutex

	// limiter is nil until the service throttles the pool, then lets one
	// attempt through every pacedInterval.
	limiter *rate.Limiter
}

// wait blocks until the next attempt on the pool may start, or ctx ends.
func (p *poolPace) wait(ctx context.Context) error {
	p.mu.Lock()
	limiter := p.limiter
	p.mu.Unlock()
	if limiter == nil {
		return nil
	}

	if err := limiter.Wait(ctx); err != nil {
		// Wait refuses at once a turn that would come after ctx's
		// deadline. Waiting for the deadline all the same makes the read
		// end as a read that timed out, as it does when it is not paced.
		<-ctx.Done()
		// A cancelled request, as the SDK's own waits report it, so that
		// the retryer does not retry it.
		return &aws.RequestCanceledError{Err: ctx.Err()}
	}

	return nil
}

// throttle notes that an attempt sent at sent was throttled, and reports
// whether it is the first, which starts the pace.
func (p *poolPace) throttle(sent time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()

	if p.limiter != nil {
		return false
	}
	p.limiter = rate.NewLimiter(rate.Every(pacedInterval), 1)
	// The throttled attempt had the first turn: the next comes an interval
	// after it.
	p.limiter.ReserveN(sent, 1)

	return true
}

// poolPaces holds the pace of each user pool a provider reads, so that the
// data sources of one run share it, as they share the service's quota.
type poolPaces struct {
	mu    sync.Mutex
	paces map[string]*poolPace
}

// of returns the pace of a user pool.
func (ps *poolPaces) of(userPoolID string) *poolPace {
	ps.mu.Lock()
	defer ps.mu.Unlock()

	if ps.paces == nil {
		ps.paces = make(map[string]*poolPace)
	}
	p, ok := ps.paces[userPoolID]
	if !ok {
		p = &poolPace{}
		ps.paces[userPoolID] = p
	}

	return p
}

// isThrottle is the SDK's own judgement of whether an error is throttling,
// the one its retryer prices retries by.
var isThrottle = retry.IsErrorThrottles(retry.DefaultThrottles)

// withPace makes every attempt of an API call, retries included, wait for
// its turn on the pool's pace, and makes a throttled attempt start the
// pace. A nil pace leaves the call alone.
func withPace(p *poolPace) func(*cip.Options) {
	return func(o *cip.Options) {
		if p == nil {
			return
		}
		o.APIOptions = append(o.APIOptions, func(stack *middleware.Stack) error {
			// After the retry middleware, so that each attempt waits, and
			// before signing, so that a signature is never older than its
			// request.
			return stack.Finalize.Insert(&paceMiddleware{pace: p}, "Retry", middleware.After)
		})
	}
}

type paceMiddleware struct {
	pace *poolPace
}

func (*paceMiddleware) ID() string { return "CognitoProviderPoolPace" }

func (m *paceMiddleware) HandleFinalize(ctx context.Context, in middleware.FinalizeInput,
	next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	if err := m.pace.wait(ctx); err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}

	sent := time.Now()
	out, metadata, err := next.HandleFinalize(ctx, in)
	if err != nil && isThrottle.IsErrorThrottle(err) == aws.TrueTernary && m.pace.throttle(sent) {
		tflog.Debug(ctx, "the service throttled the user pool; pacing its requests", map[string]any{
			"operation":   awsmiddleware.GetOperationName(ctx),
			"interval_ms": pacedInterval.Milliseconds(),
		})
	}

	return out, metadata, err
}
