package cognitolocal

import (
	"crypto/rand"
	"fmt"
)

// MaxJobsPerPool is the service's quota of import jobs per user pool, which
// CreateUserImportJob enforces. It cannot be raised.
const MaxJobsPerPool = 1000

type createUserImportJobInput struct {
	JobName               *string `json:"JobName"`
	UserPoolId            *string `json:"UserPoolId"`
	CloudWatchLogsRoleArn *string `json:"CloudWatchLogsRoleArn"`
}

// jobInput is the input of DescribeUserImportJob, StartUserImportJob and
// StopUserImportJob.
type jobInput struct {
	UserPoolId *string `json:"UserPoolId"`
	JobId      *string `json:"JobId"`
}

type userImportJobOutput struct {
	UserImportJob wireJob `json:"UserImportJob"`
}

func (s *Server) createUserImportJob(c *call) (any, error) {
	var in createUserImportJobInput
	if err := decode(c.body, &in); err != nil {
		return nil, err
	}

	var v violations
	if v.required(in.JobName, "jobName") {
		v.stringRule(in.JobName, "jobName", 1, 128, jobNamePattern)
	}
	v.userPoolID(in.UserPoolId)
	if v.required(in.CloudWatchLogsRoleArn, "cloudWatchLogsRoleArn") {
		v.stringRule(in.CloudWatchLogsRoleArn, "cloudWatchLogsRoleArn", 20, 2048, arnPattern)
	}
	if err := v.err(); err != nil {
		return nil, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()

	p, err := s.findPool(c.region, *in.UserPoolId)
	if err != nil {
		return nil, err
	}
	// NOTE: this message, like those for a job in the wrong state, is the
	// endpoint's own; the service's wording is not confirmed.
	if len(p.jobs) >= MaxJobsPerPool {
		return nil, &apiError{status: 400, code: "LimitExceededException",
			message: fmt.Sprintf("User pool %s already has %d import jobs, the most it can have.",
				p.id, MaxJobsPerPool)}
	}

	id := p.newJobID()
	job := &storedJob{
		Job: Job{
			JobName:               *in.JobName,
			JobId:                 id,
			UserPoolId:            p.id,
			PreSignedUrl:          s.uploadURL(c.origin, c.region, p.id, id, c.now),
			CreationDate:          NewEpochTime(c.now),
			Status:                StatusCreated,
			CloudWatchLogsRoleArn: *in.CloudWatchLogsRoleArn,
		},
		driven: true,
	}
	p.add(job)

	return userImportJobOutput{UserImportJob: job.wire(c.faults.ExponentTimestamps)}, nil
}

func (s *Server) describeUserImportJob(c *call) (any, error) {
	return s.withJob(c, func(*pool, *storedJob) error { return nil })
}

func (s *Server) startUserImportJob(c *call) (any, error) {
	return s.withJob(c, func(p *pool, job *storedJob) error {
		return job.start(c.now, p.header())
	})
}

func (s *Server) stopUserImportJob(c *call) (any, error) {
	return s.withJob(c, func(_ *pool, job *storedJob) error {
		return job.stop(c.now)
	})
}

// withJob decodes and checks a request naming one job, brings the job up to
// date, lets act change it, and answers with the job as it then is.
func (s *Server) withJob(c *call, act func(*pool, *storedJob) error) (any, error) {
	var in jobInput
	if err := decode(c.body, &in); err != nil {
		return nil, err
	}

	var v violations
	v.userPoolID(in.UserPoolId)
	if v.required(in.JobId, "jobId") {
		v.stringRule(in.JobId, "jobId", 1, 55, jobIDPattern)
	}
	if err := v.err(); err != nil {
		return nil, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()

	p, err := s.findPool(c.region, *in.UserPoolId)
	if err != nil {
		return nil, err
	}
	job, ok := p.byID[*in.JobId]
	if !ok {
		// The service's wording for a missing job is not confirmed; this
		// one names the job and the pool as its other messages do.
		return nil, &apiError{status: 400, code: "ResourceNotFoundException",
			message: fmt.Sprintf("Import job %s does not exist in user pool %s.", *in.JobId, p.id)}
	}

	job.refresh(c.now, s.lifecycle)
	if err := act(p, job); err != nil {
		return nil, err
	}

	return userImportJobOutput{UserImportJob: job.wire(c.faults.ExponentTimestamps)}, nil
}

// newJobID returns an id in the service's shape that no job of the pool
// has. The caller holds the server's lock.
func (p *pool) newJobID() string {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	for {
		b := make([]byte, 10)
		_, _ = rand.Read(b)
		for i := range b {
			b[i] = alphabet[int(b[i])%len(alphabet)]
		}
		if id := "import-" + string(b); p.byID[id] == nil {
			return id
		}
	}
}
