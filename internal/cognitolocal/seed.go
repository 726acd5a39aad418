package cognitolocal

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Seed is the content of a seed file: user pools and their jobs, in the
// API's member names.
type Seed struct {
	UserPools []SeedPool `json:"UserPools"`
}

// SeedPool is one user pool of a seed file.
type SeedPool struct {
	UserPoolId     string      `json:"UserPoolId"`
	UserImportJobs []Job       `json:"UserImportJobs"`
	Options        PoolOptions `json:"Options"`

	// CSVHeader is what GetCSVHeader answers for the pool; empty means the
	// header of a pool with only the standard attributes.
	CSVHeader []string `json:"CSVHeader,omitempty"`
}

// LoadSeed adds the pools and jobs of a seed document. Seeded jobs keep
// the status the seed gives them until a request starts or stops one. A
// document that gives one pool the same job id twice is refused, and then
// nothing of it is added.
func (s *Server) LoadSeed(r io.Reader) error {
	var seed Seed
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&seed); err != nil {
		return fmt.Errorf("reading seed: %w", err)
	}

	// A job id given twice for one pool is refused rather than resolved:
	// which of the two the author meant cannot be told, and a pool lists
	// each job once. seen holds where each pool's job ids were first given.
	seen := make(map[string]map[string]string)
	for i, p := range seed.UserPools {
		if !userPoolIDPattern.MatchString(p.UserPoolId) {
			return fmt.Errorf("reading seed: UserPools[%d].UserPoolId %q is not a user pool id", i, p.UserPoolId)
		}
		if seen[p.UserPoolId] == nil {
			seen[p.UserPoolId] = make(map[string]string)
		}
		for j, job := range p.UserImportJobs {
			at := fmt.Sprintf("UserPools[%d].UserImportJobs[%d]", i, j)
			if !jobIDPattern.MatchString(job.JobId) {
				return fmt.Errorf("reading seed: %s.JobId %q is not "+
					"an import job id such as import-qQ0DCt2fRh", at, job.JobId)
			}
			if first, ok := seen[p.UserPoolId][job.JobId]; ok {
				return fmt.Errorf("reading seed: %s.JobId %q was given already, at %s: "+
					"a pool's job ids must be distinct", at, job.JobId, first)
			}
			seen[p.UserPoolId][job.JobId] = at
		}
	}

	for _, p := range seed.UserPools {
		s.AddPool(p.UserPoolId, p.Options)
		s.AddJobs(p.UserPoolId, p.UserImportJobs...)
		if len(p.CSVHeader) > 0 {
			s.SetCSVHeader(p.UserPoolId, p.CSVHeader)
		}
	}

	return nil
}

// LoadSeedFile adds the pools and jobs of a seed file.
func (s *Server) LoadSeedFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	// The file is only read, so closing it cannot lose anything.
	defer func() { _ = f.Close() }()

	if err := s.LoadSeed(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
