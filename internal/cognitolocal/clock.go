package cognitolocal

import (
	"sync"
	"time"
)

// Clock tells the endpoint what time it is. Job lifecycles, the expiry of
// temporary keys and presigned URLs, and rate limits all read it, so a test
// that controls the clock controls them.
type Clock interface {
	Now() time.Time
}

// systemClock is the wall clock, the default.
type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

// ManualClock is a Clock that moves only when told to. Its methods are safe
// for concurrent use.
type ManualClock struct {
	mu  sync.Mutex
	now time.Time
}

// NewManualClock returns a clock that reads start until it is advanced.
func NewManualClock(start time.Time) *ManualClock {
	return &ManualClock{now: start}
}

// Now returns the clock's time.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()

	return c.now
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()

	c.now = c.now.Add(d)
}

// Lifecycle is how long a job the endpoint drives spends in each state.
type Lifecycle struct {
	// ExpireAfter is how long a created job waits to be started before it
	// expires.
	ExpireAfter time.Duration

	// PendingFor is how long a started job is Pending before it is
	// InProgress.
	PendingFor time.Duration

	// ImportFor is how long a job is InProgress before it ends, Succeeded
	// or Failed.
	ImportFor time.Duration

	// StoppingFor is how long a job is Stopping before it is Stopped.
	StoppingFor time.Duration
}

// DefaultLifecycle is the lifecycle of a new Server. A job expires after the
// day the service documents; the other durations are short guesses, since
// the service's depend on the size of the file.
var DefaultLifecycle = Lifecycle{
	ExpireAfter: 24 * time.Hour,
	PendingFor:  5 * time.Second,
	ImportFor:   30 * time.Second,
	StoppingFor: 5 * time.Second,
}
