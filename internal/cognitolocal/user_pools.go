package cognitolocal

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

const (
	// targetPrefix starts the X-Amz-Target of every user pools operation.
	targetPrefix = "AWSCognitoIdentityProviderService."

	// contentType is the media type of AWS JSON 1.1.
	contentType = "application/x-amz-json-1.1"

	// maxBodyBytes bounds a request body; the largest valid request of the
	// import-job operations is a few kilobytes.
	maxBodyBytes = 1 << 20
)

// operation handles one user pools request and returns the value to encode
// as the answer.
type operation func(s *Server, c *call) (any, error)

// operations are the user pools operations the endpoint serves.
var operations = map[string]operation{
	"CreateUserImportJob":   (*Server).createUserImportJob,
	"DescribeUserImportJob": (*Server).describeUserImportJob,
	"ListUserImportJobs":    (*Server).listUserImportJobs,
	"StartUserImportJob":    (*Server).startUserImportJob,
	"StopUserImportJob":     (*Server).stopUserImportJob,
	"GetCSVHeader":          (*Server).getCSVHeader,
}

// call is one authenticated user pools request on its way through the
// endpoint.
type call struct {
	// region is the region the request was signed for.
	region string
	body   []byte
	now    time.Time

	// origin is the scheme and loopback address the client reached the
	// endpoint by, for the presigned URLs of new jobs.
	origin string

	// faults shape the answer: its pages and timestamps.
	faults Faults
}

// requestMembers are the members of any import-job request that the
// request log notes, read before the operation decodes its own input so
// that requests refused by a fault are noted too.
type requestMembers struct {
	UserPoolId      *string `json:"UserPoolId"`
	JobId           *string `json:"JobId"`
	MaxResults      *int    `json:"MaxResults"`
	PaginationToken *string `json:"PaginationToken"`
}

func (m requestMembers) note(rec *Request) {
	if m.UserPoolId != nil {
		rec.UserPoolID = *m.UserPoolId
	}
	if m.JobId != nil {
		rec.JobID = *m.JobId
	}
	if m.MaxResults != nil {
		rec.MaxResults = *m.MaxResults
	}
	rec.PaginationToken = m.PaginationToken
}

// serveUserPools answers one request of the user pools API.
func (s *Server) serveUserPools(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	name := strings.TrimPrefix(target, targetPrefix)
	rec := Request{
		Operation:    name,
		InvocationID: r.Header.Get("Amz-Sdk-Invocation-Id"),
		Attempt:      attemptNumber(r.Header.Get("Amz-Sdk-Request")),
	}

	body, err := s.handle(r, target, name, &rec)
	if err != nil {
		rec.ErrorCode = writeError(w, err)
	}
	s.record(rec)
	if err != nil {
		return
	}

	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Amzn-Requestid", requestID())
	_, _ = w.Write(body)
}

// handle authenticates and decodes a request, applies the faults, runs the
// operation and returns the encoded answer.
func (s *Server) handle(r *http.Request, target, name string, rec *Request) ([]byte, error) {
	if r.Method != http.MethodPost {
		return nil, &apiError{status: 400, code: "UnknownOperationException",
			message: "The wire protocol takes POST requests only."}
	}

	// One byte past the limit is read to tell a body at the limit from a
	// larger one, which is refused before its signature is checked: the
	// signature covers the whole body, which is not read.
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		return nil, &apiError{status: 400, code: "SerializationException",
			message: "The request body could not be read."}
	}
	if len(body) > maxBodyBytes {
		return nil, bodyTooLarge(r.ContentLength)
	}

	now := s.now()
	key, region, err := s.authenticate(r, body, signingName, now)
	rec.AccessKeyID, rec.Role = key.AccessKeyID, key.role
	if err != nil {
		return nil, err
	}

	op, ok := operations[name]
	if !ok || !strings.HasPrefix(target, targetPrefix) {
		return nil, &apiError{status: 400, code: "UnknownOperationException",
			message: fmt.Sprintf("Unknown operation %q.", target)}
	}

	if !json.Valid(body) {
		return nil, &apiError{status: 400, code: "SerializationException",
			message: "The request body is not valid JSON."}
	}
	var members requestMembers
	// A member of the wrong type is the operation's to report; what could
	// be read is noted all the same.
	_ = json.Unmarshal(body, &members)
	members.note(rec)

	in := s.inject(name, rec.UserPoolID, now)
	if in.latency > 0 {
		select {
		case <-time.After(in.latency):
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
	}
	if in.err != nil {
		rec.Fault = in.fault
		return nil, in.err
	}

	c := &call{region: region, body: body, now: now, origin: uploadOrigin(r), faults: in.listing}
	out, err := op(s, c)
	if err != nil {
		return nil, err
	}

	answer, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	if s.malformed(name, rec.UserPoolID) {
		rec.Fault = FaultMalformedBody
		answer = answer[:len(answer)/2]
	}

	return answer, nil
}

// bodyTooLarge reports a request body over maxBodyBytes, naming its size
// when the request gave it.
//
// NOTE: what the service answers a body too large for it is unconfirmed;
// a SerializationException with status 400 is how it refuses other bodies
// it cannot read.
func bodyTooLarge(contentLength int64) error {
	size := "The request body is"
	if contentLength > 0 {
		size = fmt.Sprintf("The request body of %d bytes is", contentLength)
	}
	return &apiError{status: 400, code: "SerializationException",
		message: fmt.Sprintf("%s larger than the %d bytes a request may have.", size, maxBodyBytes)}
}

// decode reads the input of an operation, reporting a member of the wrong
// type as the service does, without the decoder's Go names.
func decode(body []byte, in any) error {
	err := json.Unmarshal(body, in)
	if err == nil {
		return nil
	}

	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		return &apiError{status: 400, code: "SerializationException",
			message: fmt.Sprintf("Member %s cannot be read from a JSON %s.", typeErr.Field, typeErr.Value)}
	}
	return &apiError{status: 400, code: "SerializationException",
		message: "The request body is not a JSON object of the operation's members."}
}

// writeError writes err as the service would and returns its error code.
func writeError(w http.ResponseWriter, err error) string {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = &apiError{status: 500, code: "InternalErrorException",
			message: "The endpoint failed to answer the request."}
	}

	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Amzn-Requestid", requestID())
	w.Header().Set("X-Amzn-Errortype", ae.code)
	w.WriteHeader(ae.status)
	_, _ = w.Write(errorBody(ae.code, ae.message))

	return ae.code
}

// findPool returns the pool with the id in the region a request was signed
// for. A pool of another region is as missing as a pool that never existed,
// as it is for the real service. The caller holds s.mu.
func (s *Server) findPool(region, userPoolID string) (*pool, error) {
	p, ok := s.pools[userPoolID]
	if !ok || poolRegion(userPoolID) != region {
		return nil, &apiError{status: 400, code: "ResourceNotFoundException",
			message: fmt.Sprintf("User pool %s does not exist.", userPoolID)}
	}
	return p, nil
}
