package cognitolocal

type listUserImportJobsInput struct {
	UserPoolId      *string `json:"UserPoolId"`
	MaxResults      *int    `json:"MaxResults"`
	PaginationToken *string `json:"PaginationToken"`
}

type listUserImportJobsOutput struct {
	UserImportJobs  []wireJob `json:"UserImportJobs,omitempty"`
	PaginationToken *string   `json:"PaginationToken,omitempty"`
}

func (s *Server) listUserImportJobs(c *call) (any, error) {
	var in listUserImportJobsInput
	if err := decode(c.body, &in); err != nil {
		return nil, err
	}

	var v violations
	v.userPoolID(in.UserPoolId)
	if v.required(in.MaxResults, "maxResults") {
		v.intRange(in.MaxResults, "maxResults", 1, 60)
	}
	v.stringRule(in.PaginationToken, "paginationToken", 1, maxTokenLength, paginationTokenPattern)
	if err := v.err(); err != nil {
		return nil, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()

	p, err := s.findPool(c.region, *in.UserPoolId)
	if err != nil {
		return nil, err
	}

	token := ""
	if in.PaginationToken != nil {
		token = *in.PaginationToken
	}
	pg, err := p.list(*in.MaxResults, token, c.faults)
	if err != nil {
		return nil, err
	}

	// The jobs are encoded here, under the lock, because the page shares
	// the pool's jobs.
	out := listUserImportJobsOutput{PaginationToken: pg.token}
	for _, job := range pg.jobs {
		job.refresh(c.now, s.lifecycle)
		out.UserImportJobs = append(out.UserImportJobs, job.wire(c.faults.ExponentTimestamps))
	}

	return out, nil
}
