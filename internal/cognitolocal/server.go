package cognitolocal

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

const (
	// targetPrefix starts the X-Amz-Target of every user pools operation.
	targetPrefix = "AWSCognitoIdentityProviderService."

	// contentType is the media type of AWS JSON 1.1.
	contentType = "application/x-amz-json-1.1"

	// maxBodyBytes bounds a request body; the largest valid request of the
	// import-job operations is a few hundred bytes.
	maxBodyBytes = 1 << 20
)

// Server is the local endpoint, an http.Handler. Its methods are safe to
// call while it serves.
type Server struct {
	mu          sync.Mutex
	pools       map[string]*pool
	credentials map[string]Credential
	requests    map[string]int
	log         []Request
	operations  map[string]operation
}

// operation handles one request of an operation for the signing region,
// notes what it read of the request in rec, and returns the value to encode
// as the answer.
type operation func(s *Server, region string, body []byte, rec *Request) (any, error)

// Request is what the endpoint noted of one request it served, for tests to
// assert on.
type Request struct {
	Operation string

	// InvocationID is the SDK's amz-sdk-invocation-id header, the same for
	// every attempt of one call, and Attempt the attempt number from its
	// amz-sdk-request header (1 when absent).
	InvocationID string
	Attempt      int

	UserPoolID      string
	MaxResults      int
	PaginationToken *string

	// ErrorCode is the AWS error code of the answer, empty on success.
	ErrorCode string
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

// New returns an endpoint with no pools that accepts the given key pairs,
// or DefaultCredential when none are given.
func New(credentials ...Credential) *Server {
	if len(credentials) == 0 {
		credentials = []Credential{DefaultCredential}
	}

	s := &Server{
		pools:       make(map[string]*pool),
		credentials: make(map[string]Credential),
		requests:    make(map[string]int),
		operations: map[string]operation{
			"ListUserImportJobs": (*Server).listUserImportJobs,
		},
	}
	for _, c := range credentials {
		s.credentials[c.AccessKeyID] = c
	}

	return s
}

// AddPool creates an empty user pool, or changes the options of an existing
// one, keeping its jobs.
func (s *Server) AddPool(userPoolID string, options PoolOptions) {
	s.mu.Lock()
	defer s.mu.Unlock()

	p := s.pool(userPoolID)
	p.options = options
}

// AddJobs adds jobs to a user pool, creating the pool when needed. A job
// without a UserPoolId is given the pool's.
func (s *Server) AddJobs(userPoolID string, jobs ...Job) {
	s.mu.Lock()
	defer s.mu.Unlock()

	for i := range jobs {
		if jobs[i].UserPoolId == "" {
			jobs[i].UserPoolId = userPoolID
		}
	}
	s.pool(userPoolID).add(jobs...)
}

// pool returns the pool with the id, creating it. The caller holds s.mu.
func (s *Server) pool(userPoolID string) *pool {
	p, ok := s.pools[userPoolID]
	if !ok {
		p = &pool{id: userPoolID}
		s.pools[userPoolID] = p
	}
	return p
}

// Requests is the number of requests served for an operation, such as
// "ListUserImportJobs", rejected ones included; "" counts every request.
func (s *Server) Requests(operation string) int {
	s.mu.Lock()
	defer s.mu.Unlock()

	return s.requests[operation]
}

// RequestLog is every request served so far, oldest first.
func (s *Server) RequestLog() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()

	return append([]Request(nil), s.log...)
}

// attemptNumber reads the attempt number from an amz-sdk-request header
// such as "attempt=2; max=4".
func attemptNumber(header string) int {
	for _, field := range strings.Split(header, ";") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(field), "attempt="); ok {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				return n
			}
		}
	}
	return 1
}

// Seed is the content of a seed file: user pools and their jobs, in the
// API's member names.
type Seed struct {
	UserPools []SeedPool `json:"UserPools"`
}

// SeedPool is one user pool of a seed file.
type SeedPool struct {
	UserPoolId     string      `json:"UserPoolId"` //nolint:revive // The API's member name.
	UserImportJobs []Job       `json:"UserImportJobs"`
	Options        PoolOptions `json:"Options"`
}

// LoadSeed adds the pools and jobs of a seed document.
func (s *Server) LoadSeed(r io.Reader) error {
	var seed Seed
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&seed); err != nil {
		return fmt.Errorf("reading seed: %w", err)
	}

	for _, p := range seed.UserPools {
		if !userPoolIDPattern.MatchString(p.UserPoolId) {
			return fmt.Errorf("reading seed: %q is not a user pool id", p.UserPoolId)
		}
		s.AddPool(p.UserPoolId, p.Options)
		s.AddJobs(p.UserPoolId, p.UserImportJobs...)
	}

	return nil
}

// LoadSeedFile adds the pools and jobs of a seed file.
func (s *Server) LoadSeedFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	// Closing a file that was only read cannot lose anything.
	defer func() { _ = f.Close() }()

	return s.LoadSeed(f)
}

// ServeHTTP answers one request of the wire protocol.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	name := strings.TrimPrefix(target, targetPrefix)

	rec := Request{
		Operation:    name,
		InvocationID: r.Header.Get("Amz-Sdk-Invocation-Id"),
		Attempt:      attemptNumber(r.Header.Get("Amz-Sdk-Request")),
	}
	out, err := s.handle(r, target, name, &rec)
	if err != nil {
		rec.ErrorCode = writeError(w, err)
	}

	s.mu.Lock()
	s.requests[""]++
	s.requests[name]++
	s.log = append(s.log, rec)
	s.mu.Unlock()

	if err != nil {
		return
	}

	body, err := json.Marshal(out)
	if err != nil {
		writeError(w, &apiError{status: 500, code: "InternalErrorException", message: err.Error()})
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Amzn-Requestid", requestID())
	_, _ = w.Write(body)
}

func (s *Server) handle(r *http.Request, target, name string, rec *Request) (any, error) {
	if r.Method != http.MethodPost {
		return nil, &apiError{status: 400, code: "UnknownOperationException",
			message: "The wire protocol takes POST requests only."}
	}

	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	if err != nil {
		return nil, &apiError{status: 400, code: "SerializationException", message: err.Error()}
	}

	region, err := s.authenticate(r, body)
	if err != nil {
		return nil, err
	}

	op, ok := s.operations[name]
	if !ok || !strings.HasPrefix(target, targetPrefix) {
		return nil, &apiError{status: 400, code: "UnknownOperationException",
			message: fmt.Sprintf("Unknown operation %q.", target)}
	}

	if !json.Valid(body) {
		return nil, &apiError{status: 400, code: "SerializationException",
			message: "The request body is not valid JSON."}
	}

	return op(s, region, body, rec)
}

// writeError writes err as the service would and returns its error code.
func writeError(w http.ResponseWriter, err error) string {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = &apiError{status: 500, code: "InternalErrorException", message: err.Error()}
	}

	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Amzn-Requestid", requestID())
	w.Header().Set("X-Amzn-Errortype", ae.code)
	w.WriteHeader(ae.status)
	_, _ = w.Write(errorBody(ae.code, ae.message))

	return ae.code
}

func requestID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// userPoolIDPattern is the API's rule for a user pool id.
var userPoolIDPattern = regexp.MustCompile(`^[\w-]+_[0-9a-zA-Z]+$`)
