package importjobs_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
)

// realPoolVariable names the user pool the real-AWS test reads.
const realPoolVariable = "COGNITO_ACC_USER_POOL_ID"

// TestAccUserImportJobs_realAWS reads a real user pool with the credentials
// and region that the AWS SDK finds without help, as the provider does when
// it is configured with nothing. It runs only when asked to, since the
// other tests need no AWS account.
func TestAccUserImportJobs_realAWS(t *testing.T) {
	poolID := os.Getenv(realPoolVariable)
	if poolID == "" {
		t.Skipf("set %s to the ID of a real user pool, with AWS credentials and a region "+
			"where the AWS SDK finds them, to read it from AWS", realPoolVariable)
	}
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Skipf("acceptance test: set %s=1 to run it", resource.EnvTfAcc)
	}
	skipWithoutAWSCredentialsOrRegion(t)

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "cognito" {}

data "cognito_user_import_jobs" "test" {
  user_pool_id = %q
}

locals {
  ids = data.cognito_user_import_jobs.test.jobs[*].job_id
}

output "ids_distinct" {
  value = length(distinct(local.ids)) == length(local.ids)
}

output "ids_well_formed" {
  value = alltrue([for id in local.ids : startswith(id, "import-")])
}
`, poolID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("ids_distinct", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("ids_well_formed", knownvalue.Bool(true)),
			},
		}},
	})
}

// skipWithoutAWSCredentialsOrRegion skips the test unless the AWS SDK's
// default chain yields credentials and a region: the environment, a
// profile of the shared files, SSO, web identity, a container or an
// instance. Asking the SDK rather than looking at environment variables
// counts a profile or SSO as the credentials they are.
func skipWithoutAWSCredentialsOrRegion(t *testing.T) {
	t.Helper()

	// The chain ends by asking the instance metadata service, which a
	// machine outside AWS may leave unanswered until the deadline.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	// The errors of the SDK are withheld from the messages: a profile's
	// credential_process, for one, can have them quote its keys.
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		t.Skipf("%s is set but the AWS configuration does not load (error withheld): "+
			"check AWS_PROFILE, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE", realPoolVariable)
	}
	if cfg.Region == "" {
		t.Skipf("%s is set but no AWS region is: set AWS_REGION, or a region in the "+
			"profile of AWS_PROFILE", realPoolVariable)
	}
	if cfg.Credentials == nil {
		t.Skipf("%s is set but no AWS credentials are: %s", realPoolVariable, credentialsHint)
	}
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil || !creds.HasKeys() {
		t.Skipf("%s is set but no AWS credentials could be found (error withheld): %s",
			realPoolVariable, credentialsHint)
	}

	// The source names a provider and at most a file, never a key.
	t.Logf("reading the user pool of %s in %s with the AWS credentials of %s",
		realPoolVariable, cfg.Region, creds.Source)
}

// credentialsHint says what to set for the AWS SDK to find credentials.
const credentialsHint = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE " +
	"naming a profile with keys, SSO or a role (after aws sso login for SSO)"
