package cognitolocal

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// maxJobsPerPage is the most jobs the service puts in one answer, whatever
// MaxResults asks for.
const maxJobsPerPage = 50

// pool is one user pool: its jobs, newest first, and its settings.
type pool struct {
	id      string
	jobs    []*storedJob
	byID    map[string]*storedJob
	options PoolOptions

	// added counts the jobs ever added to the pool, to number them in the
	// order they came.
	added uint64

	// csvHeader is what GetCSVHeader answers; nil means defaultCSVHeader.
	csvHeader []string

	// buckets enforce the pool's rate limit, when one is set: one for each
	// operation, as the service limits each operation on a pool apart.
	buckets map[string]*tokenBucket
}

// bucket is the token bucket of one operation on the pool, made when
// first needed. The caller holds the server's lock.
func (p *pool) bucket(operation string) *tokenBucket {
	if p.buckets == nil {
		p.buckets = make(map[string]*tokenBucket)
	}
	b, ok := p.buckets[operation]
	if !ok {
		b = &tokenBucket{}
		p.buckets[operation] = b
	}
	return b
}

// storedJob is a job as the endpoint keeps it: what the API shows, and what
// moves it through its lifecycle.
type storedJob struct {
	Job

	// driven marks a job whose status the clock moves on. A seeded job keeps
	// the status its seed gives until a request starts or stops it, so
	// that seeds describe a pool as it stands.
	driven bool

	// csv is the file uploaded to the job's presigned URL, nil until then.
	csv []byte

	// result is what the job ends with, decided from csv when it starts.
	result importResult

	// stopRequested is when StopUserImportJob was called.
	stopRequested time.Time

	// seq is the job's place in the order the pool's jobs were added, the
	// greater the later: what tells apart jobs created in one millisecond,
	// which is the only precision the service keeps.
	seq uint64
}

// before reports whether job a is listed before job b: newer first, and
// among jobs created in the same millisecond, the one added later first, so
// that the order is total, the same on every run, and a cursor names one
// place in it.
func before(a, b *storedJob) bool {
	if am, bm := a.CreationDate.UnixMilli(), b.CreationDate.UnixMilli(); am != bm {
		return am > bm
	}
	return a.seq > b.seq
}

// add stores jobs, replacing any job of the same id, and keeps the order.
// Of jobs of one id in the batch, the last is kept.
//
// Jobs are numbered as they come, so that of jobs created in one
// millisecond the one added last lists first, as the newest. A batch is
// numbered as a listing reads, its first job the newest, so that a seed
// copied from an answer lists in the answer's order. A job that replaces
// another keeps the other's number, and so its place among its peers.
func (p *pool) add(jobs ...*storedJob) {
	if p.byID == nil {
		p.byID = make(map[string]*storedJob)
	}
	jobs = lastOfEachID(jobs)

	for i, job := range jobs {
		job.seq = p.added + uint64(len(jobs)-i)
		if old, ok := p.byID[job.JobId]; ok {
			job.seq = old.seq
			p.jobs = slices.DeleteFunc(p.jobs, func(j *storedJob) bool { return j == old })
		}
		p.byID[job.JobId] = job
	}
	p.added += uint64(len(jobs))

	if len(jobs) == 1 {
		// One job, as CreateUserImportJob adds, goes into its place without
		// sorting the whole pool again.
		i := sort.Search(len(p.jobs), func(i int) bool { return before(jobs[0], p.jobs[i]) })
		p.jobs = slices.Insert(p.jobs, i, jobs[0])
		return
	}
	p.jobs = append(p.jobs, jobs...)
	sort.SliceStable(p.jobs, func(i, j int) bool { return before(p.jobs[i], p.jobs[j]) })
}

// lastOfEachID is jobs without any job that a later one of the same id
// replaces, in their order.
func lastOfEachID(jobs []*storedJob) []*storedJob {
	later := make(map[string]bool, len(jobs))
	kept := make([]*storedJob, 0, len(jobs))
	for i := len(jobs) - 1; i >= 0; i-- {
		if !later[jobs[i].JobId] {
			later[jobs[i].JobId] = true
			kept = append(kept, jobs[i])
		}
	}
	slices.Reverse(kept)
	return kept
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
// the cursor's place in the order rather than the job's index, so that jobs
// created between two pages neither repeat nor hide older jobs.
//
// The token carries the job's id and millisecond but not its number among
// the jobs of that millisecond, which is looked up. Should the job no
// longer be there as the token saw it, replaced by one of another
// CreationDate, the listing resumes at the first job of the token's
// millisecond: a client may then see a job again, but misses none.
func (p *pool) start(c cursor) int {
	seq, known := uint64(0), false
	if job, ok := p.byID[c.jobID]; ok && job.CreationDate.UnixMilli() == c.creationTime {
		seq, known = job.seq, true
	}

	return sort.Search(len(p.jobs), func(i int) bool {
		job := p.jobs[i]
		if ms := job.CreationDate.UnixMilli(); ms != c.creationTime {
			return ms < c.creationTime
		}
		return !known || job.seq < seq
	})
}

// page is one answer of ListUserImportJobs.
type page struct {
	jobs  []*storedJob
	token *string
}

// offsetToken is the token of the OffsetToken fault: <pool>#<index of the
// next job>.
func offsetToken(poolID string, index int) string {
	return poolID + "#" + strconv.Itoa(index)
}

// parseOffsetToken reads a token of offsetToken's shape.
func parseOffsetToken(token string) (poolID string, index int, ok bool) {
	poolID, rest, found := strings.Cut(token, "#")
	index, err := strconv.Atoi(rest)
	if !found || poolID == "" || err != nil || index < 0 || strconv.Itoa(index) != rest {
		return "", 0, false
	}
	return poolID, index, true
}

// resume is the index of the first job listed after a token of either
// kind, or false for a token this pool did not give.
func (p *pool) resume(token string) (int, bool) {
	if poolID, index, ok := parseOffsetToken(token); ok {
		return min(index, len(p.jobs)), poolID == p.id
	}
	c, err := parseCursor(token)
	if err != nil || c.poolID != p.id {
		return 0, false
	}
	return p.start(c), true
}

// tokenBefore is the token of a page whose next job is the one at index
// next, of the kind the faults ask for.
func (p *pool) tokenBefore(next int, f Faults) *string {
	token := cursorAfter(p.id, p.jobs[next-1].Job).token()
	if f.OffsetToken {
		token = offsetToken(p.id, next)
	}
	return &token
}

// list answers one ListUserImportJobs request for maxResults jobs after the
// given token, misbehaving as the listing faults f say.
func (p *pool) list(maxResults int, token string, f Faults) (page, error) {
	from := 0
	if token != "" {
		var ok bool
		if from, ok = p.resume(token); !ok {
			var v violations
			v.add(&token, "paginationToken", "Member must be a token this operation gave for this user pool")
			return page{}, v.err()
		}
	}

	size := min(maxResults, maxJobsPerPage)
	if f.PageSize > 0 {
		size = min(size, f.PageSize)
	}

	to := min(from+size, len(p.jobs))
	result := page{jobs: p.jobs[from:to]}

	switch {
	case f.RepeatToken && token != "":
		result.token = &token
	case to < len(p.jobs):
		result.token = p.tokenBefore(to, f)
	case f.TokenAfterLastJob && to > from && to-from == size:
		result.token = p.tokenBefore(to, f)
	case f.EmptyFinalToken:
		empty := ""
		result.token = &empty
	}

	return result, nil
}
