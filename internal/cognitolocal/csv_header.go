package cognitolocal

import "slices"

// defaultCSVHeader is the header of a user pool with only the standard
// attributes, in the service's order.
var defaultCSVHeader = []string{
	"name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
	"profile", "picture", "website", "email", "email_verified", "gender", "birthdate",
	"zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at",
	"cognito:mfa_enabled", "cognito:username",
}

type getCSVHeaderInput struct {
	UserPoolId *string `json:"UserPoolId"`
}

type getCSVHeaderOutput struct {
	UserPoolId string   `json:"UserPoolId"`
	CSVHeader  []string `json:"CSVHeader"`
}

func (s *Server) getCSVHeader(c *call) (any, error) {
	var in getCSVHeaderInput
	if err := decode(c.body, &in); err != nil {
		return nil, err
	}

	var v violations
	v.userPoolID(in.UserPoolId)
	if err := v.err(); err != nil {
		return nil, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()

	p, err := s.findPool(c.region, *in.UserPoolId)
	if err != nil {
		return nil, err
	}

	return getCSVHeaderOutput{UserPoolId: p.id, CSVHeader: p.header()}, nil
}

// header is the pool's CSV header. The caller holds the server's lock.
func (p *pool) header() []string {
	if p.csvHeader != nil {
		return slices.Clone(p.csvHeader)
	}
	return slices.Clone(defaultCSVHeader)
}
