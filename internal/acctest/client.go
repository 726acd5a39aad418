package acctest

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// Client is a Cognito client of the endpoint, in Region, with its key pair:
// what a test uses to act on the endpoint as a migration pipeline would,
// creating and starting jobs beside what Terraform reads.
func (e *Endpoint) Client() *cip.Client {
	return cip.New(cip.Options{
		Region:       Region,
		BaseEndpoint: aws.String(e.URL),
		Credentials: credentials.NewStaticCredentialsProvider(
			cognitolocal.DefaultCredential.AccessKeyID,
			cognitolocal.DefaultCredential.SecretAccessKey, ""),
	})
}
