// Package importjobs holds the data sources for Amazon Cognito user import
// jobs: the list loop over ListUserImportJobs, the mapping of the service's
// jobs into Terraform values, and the schemas.
package importjobs

import (
	"context"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

// API is the part of the Cognito user pools client that the data sources
// call. The SDK client satisfies it; unit tests use a fake.
type API interface {
	ListUserImportJobs(ctx context.Context, in *cip.ListUserImportJobsInput,
		optFns ...func(*cip.Options)) (*cip.ListUserImportJobsOutput, error)
}

// Conn is what the provider hands every data source when it is configured:
// one shared client, the region that client speaks to, and the pace of each
// user pool the service has throttled. Use it by pointer; its zero pace
// lets every request through.
type Conn struct {
	Client API
	Region string

	paces poolPaces
}

// pace returns the pace of a user pool, shared by every read of the pool
// through this connection.
func (c *Conn) pace(userPoolID string) *poolPace {
	return c.paces.of(userPoolID)
}
