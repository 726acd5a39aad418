package cognitolocal

import (
	"encoding/json"
	"fmt"
)

type listUserImportJobsInput struct {
	UserPoolId      *string `json:"UserPoolId"` //nolint:revive // The API's member name.
	MaxResults      *int    `json:"MaxResults"`
	PaginationToken *string `json:"PaginationToken"`
}

type listUserImportJobsOutput struct {
	UserImportJobs  []wireJob `json:"UserImportJobs,omitempty"`
	PaginationToken *string   `json:"PaginationToken,omitempty"`
}

func (s *Server) listUserImportJobs(region string, body []byte, rec *Request) (any, error) {
	var in listUserImportJobsInput
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, &apiError{status: 400, code: "SerializationException", message: err.Error()}
	}
	if in.UserPoolId != nil {
		rec.UserPoolID = *in.UserPoolId
	}
	if in.MaxResults != nil {
		rec.MaxResults = *in.MaxResults
	}
	rec.PaginationToken = in.PaginationToken

	var v violations
	if v.required(in.UserPoolId, "userPoolId") {
		v.stringRule(in.UserPoolId, "userPoolId", 1, 55, userPoolIDPattern)
	}
	if v.required(in.MaxResults, "maxResults") {
		v.intRange(in.MaxResults, "maxResults", 1, 60)
	}
	v.stringRule(in.PaginationToken, "paginationToken", 1, 1<<16, paginationTokenPattern)
	if err := v.err(); err != nil {
		return nil, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()

	p, err := s.findPool(region, *in.UserPoolId)
	if err != nil {
		return nil, err
	}

	token := ""
	if in.PaginationToken != nil {
		token = *in.PaginationToken
	}
	pg, err := p.list(*in.MaxResults, token)
	if err != nil {
		return nil, err
	}

	// The jobs are encoded here, under the lock, because pg shares the
	// pool's slice.
	out := listUserImportJobsOutput{PaginationToken: pg.token}
	for _, job := range pg.jobs {
		out.UserImportJobs = append(out.UserImportJobs, job.wire(p.options.ExponentTimestamps))
	}

	return out, nil
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
