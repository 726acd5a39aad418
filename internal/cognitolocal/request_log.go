package cognitolocal

import (
	"strconv"
	"strings"
)

// Request is what the endpoint noted of one request it served, for tests to
// assert on. It holds no secret.
type Request struct {
	// Operation is the operation asked for, such as "ListUserImportJobs",
	// "AssumeRole", or "PutObject" for an upload to a presigned URL.
	Operation string

	// InvocationID is the SDK's amz-sdk-invocation-id header, the same for
	// every attempt of one call, and Attempt the attempt number from its
	// amz-sdk-request header (1 when absent).
	InvocationID string
	Attempt      int

	// AccessKeyID is the access key the request was signed with, and Role
	// the ARN of the role it was issued for when it is a temporary key
	// from AssumeRole.
	AccessKeyID string
	Role        string

	UserPoolID      string
	JobID           string
	MaxResults      int
	PaginationToken *string

	// Fault names the fault that answered instead of the operation or
	// spoiled its answer, such as FaultThrottle; empty when none did.
	Fault string

	// ErrorCode is the AWS error code of the answer, empty on success.
	ErrorCode string
}

// record counts a request served and notes it.
func (s *Server) record(rec Request) {
	s.mu.Lock()
	defer s.mu.Unlock()

	s.requests[""]++
	s.requests[rec.Operation]++
	s.log = append(s.log, rec)
}

// Requests is the number of requests served for an operation, such as
// "ListUserImportJobs", rejected ones included; "" counts every request.
// An SDK may send one call more than once (see Calls).
func (s *Server) Requests(operation string) int {
	s.mu.Lock()
	defer s.mu.Unlock()

	return s.requests[operation]
}

// Calls is the number of SDK calls of an operation the endpoint saw, ""
// counting every operation: the attempts of one call, which share an
// amz-sdk-invocation-id, count once, so that neither the SDK's retries nor
// its transparent resending of a request count as calls of their own.
// Requests without an invocation id count one each.
func (s *Server) Calls(operation string) int {
	s.mu.Lock()
	defer s.mu.Unlock()

	seen := make(map[string]bool)
	calls := 0
	for _, req := range s.log {
		if operation != "" && req.Operation != operation {
			continue
		}
		if req.InvocationID != "" {
			if seen[req.InvocationID] {
				continue
			}
			seen[req.InvocationID] = true
		}
		calls++
	}
	return calls
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
