package cognitolocal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Always, as the count of a fault, makes it apply to every request rather
// than to the next few.
const Always = -1

// Faults are the ways the endpoint misbehaves, for the whole endpoint
// (SetFaults) or for one user pool (SetPoolFaults, AddPool, the Options of
// a seed pool). The zero value behaves as the real service does.
//
// Faults apply to the user pools operations only, never to STS or to
// uploads. Counted faults are used up by the requests they hit, so
// Faults and PoolFaults return what is left of them.
type Faults struct {
	// Operations, when not empty, limits these faults to the named
	// operations, such as "ListUserImportJobs".
	Operations []string `json:",omitempty"`

	// Throttle answers the next Throttle requests with
	// TooManyRequestsException; Always throttles every request.
	Throttle int `json:",omitempty"`

	// InternalErrors answers the next InternalErrors requests with
	// InternalErrorException and status 500; Always fails every request.
	InternalErrors int `json:",omitempty"`

	// MalformedBodies cuts the next MalformedBodies successful answers in
	// half, status 200, so that they are no longer JSON; Always cuts every
	// one. The operation has still taken effect, as when a connection
	// drops after the service acted.
	MalformedBodies int `json:",omitempty"`

	// Latency delays every answer by this much. In JSON it is a Go
	// duration string, such as "50ms".
	Latency time.Duration `json:"-"`

	// RateLimit, when positive, is how many requests a second one user
	// pool serves of each operation, with a burst of one second's worth;
	// what exceeds it is throttled. Every pool and operation has a limit
	// of its own, as the service's quotas do: the endpoint's limit applies
	// to each separately, and a pool's own limit takes precedence over it
	// for the operations the pool's faults apply to.
	RateLimit float64 `json:",omitempty"`

	// PageSize, when positive, cuts every page of ListUserImportJobs to at
	// most this many jobs. Pages that are not the last still carry a
	// token, so a client that takes a short page for the last one loses
	// jobs.
	PageSize int `json:",omitempty"`

	// EmptyFinalToken makes the last page carry "PaginationToken": "" rather
	// than no token at all.
	EmptyFinalToken bool `json:",omitempty"`

	// TokenAfterLastJob makes a page that ends exactly at the last job still
	// carry a token; the request with it answers an empty page and no token.
	// By default no token follows the last job.
	TokenAfterLastJob bool `json:",omitempty"`

	// RepeatToken makes every answer to a request with a token hand back
	// that same token, so that a client that does not notice reads the same
	// page forever.
	RepeatToken bool `json:",omitempty"`

	// ExponentTimestamps writes timestamps in the exponent form the service
	// sometimes uses, as in 1.763461002853E9.
	ExponentTimestamps bool `json:",omitempty"`

	// OffsetToken makes the tokens of ListUserImportJobs an index into the
	// pool's list, as some services' are, rather than a cursor naming the
	// last job of the page. A job created between two pages then moves
	// every older job down one place, and the next page begins with the
	// last job of the page before it again. The endpoint reads a token of
	// either kind, whatever its faults, so that they may change between
	// pages.
	OffsetToken bool `json:",omitempty"`
}

// PoolOptions is the name AddPool and seed files give to the faults of one
// user pool.
type PoolOptions = Faults

// faultsFields is Faults without its JSON methods, for them to use.
type faultsFields Faults

// UnmarshalJSON reads faults as a seed file writes them, unknown members
// refused so that a misspelt fault is not silently ignored.
func (f *Faults) UnmarshalJSON(b []byte) error {
	var v struct {
		faultsFields
		Latency string `json:",omitempty"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return err
	}

	*f = Faults(v.faultsFields)
	if v.Latency != "" {
		d, err := time.ParseDuration(v.Latency)
		if err != nil || d < 0 {
			return fmt.Errorf("latency %q is not a duration such as \"50ms\"", v.Latency)
		}
		f.Latency = d
	}

	return nil
}

// MarshalJSON writes faults as UnmarshalJSON reads them.
func (f Faults) MarshalJSON() ([]byte, error) {
	v := struct {
		faultsFields
		Latency string `json:",omitempty"`
	}{faultsFields: faultsFields(f)}
	if f.Latency > 0 {
		v.Latency = f.Latency.String()
	}
	return json.Marshal(v)
}

// appliesTo reports whether the faults concern the operation.
func (f *Faults) appliesTo(operation string) bool {
	return len(f.Operations) == 0 || slices.Contains(f.Operations, operation)
}

// take uses up one of a counted fault and reports whether it fires.
func take(count *int) bool {
	switch {
	case *count < 0:
		return true
	case *count > 0:
		*count--
		return true
	}
	return false
}

// listing is the listing behaviour of the faults that apply, the pool's
// taking precedence.
func listing(sources ...*Faults) Faults {
	var f Faults
	for _, src := range sources {
		if src.PageSize > 0 {
			f.PageSize = src.PageSize
		}
		f.EmptyFinalToken = f.EmptyFinalToken || src.EmptyFinalToken
		f.TokenAfterLastJob = f.TokenAfterLastJob || src.TokenAfterLastJob
		f.RepeatToken = f.RepeatToken || src.RepeatToken
		f.ExponentTimestamps = f.ExponentTimestamps || src.ExponentTimestamps
		f.OffsetToken = f.OffsetToken || src.OffsetToken
	}
	return f
}

// rateLimit is the rate limit of the faults that apply, the last source
// with one taking precedence, so that a pool's own limit wins over the
// endpoint's; zero means none.
func rateLimit(sources ...*Faults) float64 {
	limit := 0.0
	for _, src := range sources {
		if src.RateLimit > 0 {
			limit = src.RateLimit
		}
	}
	return limit
}

// Fault names, as Request.Fault records them.
const (
	FaultThrottle      = "Throttle"
	FaultRateLimit     = "RateLimit"
	FaultInternalError = "InternalError"
	FaultMalformedBody = "MalformedBody"
)

// injection is what the faults decided for one request before its
// operation runs.
type injection struct {
	latency time.Duration
	listing Faults

	// fault names the fault that answers instead of the operation, with
	// err, or is empty.
	fault string
	err   error
}

// inject decides the faults of one request of an operation on a user pool
// (empty when the request names none), using up counted faults. The
// endpoint's faults come first, then the pool's.
func (s *Server) inject(operation, userPoolID string, now time.Time) injection {
	s.mu.Lock()
	defer s.mu.Unlock()

	sources := []*Faults{}
	if s.faults.appliesTo(operation) {
		sources = append(sources, &s.faults)
	}
	p := s.pools[userPoolID]
	if p != nil && p.options.appliesTo(operation) {
		sources = append(sources, &p.options)
	}

	var in injection
	for _, f := range sources {
		in.latency += f.Latency
	}
	in.listing = listing(sources...)

	for _, f := range sources {
		if take(&f.Throttle) {
			in.fault, in.err = FaultThrottle, errThrottled()
			return in
		}
	}
	if limit := rateLimit(sources...); p != nil && limit > 0 && !p.bucket(operation).allow(limit, now) {
		in.fault, in.err = FaultRateLimit, errThrottled()
		return in
	}
	for _, f := range sources {
		if take(&f.InternalErrors) {
			in.fault = FaultInternalError
			in.err = &apiError{status: 500, code: "InternalErrorException",
				message: "An internal error occurred; the request may be retried."}
			return in
		}
	}

	return in
}

// malformed reports whether the answer to a successful request of an
// operation on a user pool is to be cut short, using up the fault.
func (s *Server) malformed(operation, userPoolID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()

	if s.faults.appliesTo(operation) && take(&s.faults.MalformedBodies) {
		return true
	}
	p := s.pools[userPoolID]
	return p != nil && p.options.appliesTo(operation) && take(&p.options.MalformedBodies)
}

func errThrottled() error {
	return &apiError{status: 400, code: "TooManyRequestsException", message: "Rate exceeded"}
}

// tokenBucket limits a rate of requests, allowing a burst of one second's
// worth. Requests it refuses do not use it up.
type tokenBucket struct {
	tokens float64
	last   time.Time
}

func (b *tokenBucket) allow(perSecond float64, now time.Time) bool {
	burst := max(perSecond, 1)
	if b.last.IsZero() {
		b.tokens = burst
	} else if elapsed := now.Sub(b.last).Seconds(); elapsed > 0 {
		b.tokens = min(burst, b.tokens+elapsed*perSecond)
	}
	b.last = now

	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// SetFaults sets the faults of the whole endpoint, replacing what is left
// of the previous ones.
func (s *Server) SetFaults(f Faults) {
	s.mu.Lock()
	defer s.mu.Unlock()

	f.Operations = slices.Clone(f.Operations)
	s.faults = f
}

// Faults returns the faults of the whole endpoint, counted ones as far as
// they are not used up.
func (s *Server) Faults() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()

	return s.faults
}

// SetPoolFaults sets the faults of one user pool, replacing what is left of
// the previous ones, and creates the pool when needed, as AddPool does.
func (s *Server) SetPoolFaults(userPoolID string, f Faults) {
	s.AddPool(userPoolID, f)
}

// PoolFaults returns the faults of one user pool, counted ones as far as
// they are not used up, and the zero value for a pool that does not exist.
func (s *Server) PoolFaults(userPoolID string) Faults {
	s.mu.Lock()
	defer s.mu.Unlock()

	if p, ok := s.pools[userPoolID]; ok {
		return p.options
	}
	return Faults{}
}
