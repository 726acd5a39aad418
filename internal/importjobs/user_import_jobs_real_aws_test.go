package importjobs_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
)

// realPoolVariable names the user pool the real-AWS test reads.
const realPoolVariable = "COGNITO_ACC_USER_POOL_ID"

// TestAccUserImportJobs_realAWS reads a real user pool with the credentials
// and region of the environment. It runs only when asked to, since the
// other tests need no AWS account.
func TestAccUserImportJobs_realAWS(t *testing.T) {
	poolID := os.Getenv(realPoolVariable)
	if poolID == "" {
		t.Skipf("set %s to the ID of a real user pool, with AWS credentials and "+
			"AWS_REGION in the environment, to read it from AWS", realPoolVariable)
	}
	if !anySet("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
		"AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
		t.Skipf("%s is set but no AWS credentials are: set AWS_ACCESS_KEY_ID and "+
			"AWS_SECRET_ACCESS_KEY, or AWS_PROFILE", realPoolVariable)
	}

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

func anySet(names ...string) bool {
	for _, name := range names {
		if os.Getenv(name) != "" {
			return true
		}
	}
	return false
}
