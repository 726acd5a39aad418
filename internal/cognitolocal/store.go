package cognitolocal

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// maxJobsPerPage is the most jobs the service puts in one answer, whatever
// MaxResults asks for.
const maxJobsPerPage = 50

// PoolOptions are the ways one pool's listing can misbehave. The zero value
// behaves as the real service does.
type PoolOptions struct {
	// PageSize, when positive, cuts every page to at most this many jobs.
	// Pages that are not the last still carry a token, so a client that
	// takes a short page for the last one loses jobs.
	PageSize int

	// EmptyFinalToken makes the last page carry "PaginationToken": "" rather
	// than no token at all.
	EmptyFinalToken bool

	// TokenAfterLastJob makes a page that ends exactly at the last job still
	// carry a token; the request with it answers an empty page and no token.
	// By default no token follows the last job.
	TokenAfterLastJob bool

	// RepeatToken makes every answer to a request with a token hand back
	// that same token, so that a client that does not notice reads the same
	// page forever.
	RepeatToken bool

	// ExponentTimestamps writes timestamps in the exponent form the service
	// sometimes uses, as in 1.763461002853E9.
	ExponentTimestamps bool
}

// pool is one user pool: its jobs, newest first, and its options.
type pool struct {
	id      string
	jobs    []Job
	options PoolOptions
}

// before reports whether job a is listed before job b: newer first, and
// among jobs created in the same millisecond, the greater id first, so that
// the order is total and a cursor names one place in it.
func before(a, b Job) bool {
	if !a.CreationDate.Equal(b.CreationDate.Time) {
		return a.CreationDate.After(b.CreationDate.Time)
	}
	return a.JobId > b.JobId
}

func (p *pool) add(jobs ...Job) {
	p.jobs = append(p.jobs, jobs...)
	sort.SliceStable(p.jobs, func(i, j int) bool { return before(p.jobs[i], p.jobs[j]) })
}

// cursor is the position after the last job of a page. Its token has the
// shape the service has been seen to use, <pool>#<job>#<creation millis>;
// clients must treat it as opaque.
type cursor struct {
	poolID       string
	jobID        string
	creationTime int64
}

func cursorAfter(poolID string, job Job) cursor {
	return cursor{poolID: poolID, jobID: job.JobId, creationTime: job.CreationDate.UnixMilli()}
}

func (c cursor) token() string {
	return c.poolID + "#" + c.jobID + "#" + strconv.FormatInt(c.creationTime, 10)
}

func parseCursor(token string) (cursor, error) {
	parts := strings.Split(token, "#")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return cursor{}, fmt.Errorf("malformed pagination token")
	}

	millis, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil {
		return cursor{}, fmt.Errorf("malformed pagination token")
	}

	return cursor{poolID: parts[0], jobID: parts[1], creationTime: millis}, nil
}

// start is the index of the first job listed after c. It compares against
// the cursor's key rather than looking the job up, so that jobs created or
// removed between two pages neither repeat nor hide older jobs.
func (p *pool) start(c cursor) int {
	return sort.Search(len(p.jobs), func(i int) bool {
		job := p.jobs[i]
		ms := job.CreationDate.UnixMilli()
		return ms < c.creationTime || (ms == c.creationTime && job.JobId < c.jobID)
	})
}

// page is one answer of ListUserImportJobs.
type page struct {
	jobs  []Job
	token *string
}

// list answers one ListUserImportJobs request for maxResults jobs after the
// given token, applying the pool's options.
func (p *pool) list(maxResults int, token string) (page, error) {
	from := 0
	if token != "" {
		c, err := parseCursor(token)
		if err != nil || c.poolID != p.id {
			return page{}, &apiError{status: 400, code: "InvalidParameterException",
				message: "Invalid pagination token."}
		}
		from = p.start(c)
	}

	size := min(maxResults, maxJobsPerPage)
	if p.options.PageSize > 0 {
		size = min(size, p.options.PageSize)
	}

	to := min(from+size, len(p.jobs))
	result := page{jobs: p.jobs[from:to]}

	switch {
	case p.options.RepeatToken && token != "":
		result.token = &token
	case to < len(p.jobs):
		next := cursorAfter(p.id, p.jobs[to-1]).token()
		result.token = &next
	case p.options.TokenAfterLastJob && to > from && to-from == size:
		next := cursorAfter(p.id, p.jobs[to-1]).token()
		result.token = &next
	case p.options.EmptyFinalToken:
		empty := ""
		result.token = &empty
	}

	return result, nil
}
