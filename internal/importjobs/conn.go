// Package importjobs holds the data sources for Amazon Cognito user import
// jobs: the list loop over ListUserImportJobs, the reads of one job and of a
// pool's CSV header, the mapping of the service's answers into Terraform
// values, and the schemas.
package importjobs

import (
	"context"
	"fmt"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// API is the part of the Cognito user pools client that the data sources
// call. The SDK client satisfies it; unit tests use a fake.
type API interface {
	ListUserImportJobs(ctx context.Context, in *cip.ListUserImportJobsInput,
		optFns ...func(*cip.Options)) (*cip.ListUserImportJobsOutput, error)
	DescribeUserImportJob(ctx context.Context, in *cip.DescribeUserImportJobInput,
		optFns ...func(*cip.Options)) (*cip.DescribeUserImportJobOutput, error)
	GetCSVHeader(ctx context.Context, in *cip.GetCSVHeaderInput,
		optFns ...func(*cip.Options)) (*cip.GetCSVHeaderOutput, error)
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

// providerNotConfigured is the detail of an error of a data source read
// before the provider handed it a Conn, which Terraform never does.
const providerNotConfigured = "The provider was not configured before the data source was read. " +
	"This is a bug in the provider; please report it."

// providerConn is the Conn the provider handed a data source in Configure.
// It is nil, with no error, before the provider is configured: Terraform
// configures data sources also when it only validates a configuration.
func providerConn(providerData any) (*Conn, diag.Diagnostics) {
	var diags diag.Diagnostics
	if providerData == nil {
		return nil, diags
	}

	conn, ok := providerData.(*Conn)
	if !ok {
		diags.AddError("configuring data source",
			fmt.Sprintf("Expected *importjobs.Conn as provider data, got %T. "+
				"This is a bug in the provider; please report it.", providerData))
		return nil, diags
	}

	return conn, diags
}
