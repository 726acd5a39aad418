package cognitolocal

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

// Server is the local endpoint, an http.Handler. Its methods are safe to
// call while it serves.
type Server struct {
	mu          sync.Mutex
	pools       map[string]*pool
	credentials map[string]keyPair
	roles       map[string]Role
	regions     []string
	faults      Faults
	clock       Clock
	lifecycle   Lifecycle

	// uploadKey signs the presigned URLs of the jobs the endpoint creates.
	uploadKey []byte

	requests map[string]int
	log      []Request
}

// Credential is a key pair the endpoint accepts. A SessionToken marks
// temporary keys, which are accepted only with that token.
type Credential struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
}

// DefaultCredential is the key pair a Server accepts unless told otherwise.
// It is for loopback tests and the demo, and opens nothing else.
var DefaultCredential = Credential{
	AccessKeyID:     "AKIDCOGNITOLOCAL0001",
	SecretAccessKey: "cognito-local-secret-key-not-a-real-secret",
}

// keyPair is a key pair the endpoint accepts, with what it knows of it.
type keyPair struct {
	Credential

	// expires is when temporary keys stop working; zero for keys that do
	// not expire.
	expires time.Time

	// role is the ARN of the role that temporary keys were issued for,
	// empty for configured keys.
	role string
}

// New returns an endpoint with no pools that accepts the given key pairs,
// or DefaultCredential when none are given.
func New(credentials ...Credential) *Server {
	if len(credentials) == 0 {
		credentials = []Credential{DefaultCredential}
	}

	s := &Server{
		pools:       make(map[string]*pool),
		credentials: make(map[string]keyPair),
		roles:       make(map[string]Role),
		clock:       systemClock{},
		lifecycle:   DefaultLifecycle,
		uploadKey:   make([]byte, 32),
		requests:    make(map[string]int),
	}
	_, _ = rand.Read(s.uploadKey)
	for _, c := range credentials {
		s.credentials[c.AccessKeyID] = keyPair{Credential: c}
	}

	return s
}

// SetClock makes the endpoint read the time from c rather than from the
// system clock.
func (s *Server) SetClock(c Clock) {
	s.mu.Lock()
	defer s.mu.Unlock()

	s.clock = c
}

// SetLifecycle changes how long the jobs the endpoint drives spend in each
// state.
func (s *Server) SetLifecycle(lc Lifecycle) {
	s.mu.Lock()
	defer s.mu.Unlock()

	s.lifecycle = lc
}

// SetRegions limits the regions the endpoint serves: a request signed for
// any other is refused with InvalidSignatureException, as the service's
// regional endpoints refuse one another's. With no regions, every region
// is served, and a user pool is found only in the region its id names.
func (s *Server) SetRegions(regions ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()

	s.regions = slices.Clone(regions)
}

// now is the endpoint's time.
func (s *Server) now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()

	return s.clock.Now()
}

// AddPool creates an empty user pool, or changes the options of an existing
// one, keeping its jobs.
func (s *Server) AddPool(userPoolID string, options PoolOptions) {
	s.mu.Lock()
	defer s.mu.Unlock()

	options.Operations = slices.Clone(options.Operations)
	s.pool(userPoolID).options = options
}

// AddJobs adds jobs to a user pool, creating the pool when needed. A job
// without a UserPoolId is given the pool's; a job with the id of one the
// pool has replaces it, and so does a later job of the same batch, as if
// the jobs were added one by one: the last entry of an id is the one kept.
// Unlike CreateUserImportJob, AddJobs ignores the quota of jobs per pool,
// so that benchmarks can seed more.
func (s *Server) AddJobs(userPoolID string, jobs ...Job) {
	s.mu.Lock()
	defer s.mu.Unlock()

	stored := make([]*storedJob, len(jobs))
	for i, job := range jobs {
		if job.UserPoolId == "" {
			job.UserPoolId = userPoolID
		}
		stored[i] = &storedJob{Job: job}
	}
	s.pool(userPoolID).add(stored...)
}

// SetCSVHeader sets the columns GetCSVHeader answers for a user pool,
// creating the pool when needed. A pool's header is otherwise that of a
// pool with only the standard attributes.
func (s *Server) SetCSVHeader(userPoolID string, header []string) {
	s.mu.Lock()
	defer s.mu.Unlock()

	s.pool(userPoolID).csvHeader = slices.Clone(header)
}

// UploadCSV stores a file as the import file of a job, as a PUT to the
// job's presigned URL does. It reports whether the job exists.
func (s *Server) UploadCSV(userPoolID, jobID string, file []byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()

	p, ok := s.pools[userPoolID]
	if !ok || p.byID[jobID] == nil {
		return false
	}
	p.byID[jobID].csv = slices.Clone(file)
	return true
}

// pool returns the pool with the id, creating it. The caller holds s.mu.
func (s *Server) pool(userPoolID string) *pool {
	p, ok := s.pools[userPoolID]
	if !ok {
		p = &pool{id: userPoolID, byID: make(map[string]*storedJob)}
		s.pools[userPoolID] = p
	}
	return p
}

// ServeHTTP answers one request: an upload to a presigned URL, an STS
// request of the query protocol, or a user pools request of AWS JSON 1.1,
// told apart as the services' own endpoints would be by their addresses.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, uploadPathPrefix):
		s.serveUpload(w, r)
	case r.Header.Get("X-Amz-Target") == "" && isQueryProtocol(r):
		s.serveSTS(w, r)
	default:
		s.serveUserPools(w, r)
	}
}

func requestID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// userPoolIDPattern is the API's rule for a user pool id.
var userPoolIDPattern = regexp.MustCompile(`^[\w-]+_[0-9a-zA-Z]+$`)
