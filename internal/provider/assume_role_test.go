package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

const (
	readerRole = "arn:aws:iam::123456789012:role/ImportJobsReader"
	rolePoolID = "eu-west-1_Qx7Zk2Lm9"
)

// assumeRoleConfig configures the provider with the endpoint's key pair and
// a role to assume with it, then reads the jobs of rolePoolID.
func assumeRoleConfig(e *acctest.Endpoint, roleARN string) string {
	return fmt.Sprintf(`
provider "cognito" {
  region     = %q
  endpoint   = %q
  access_key = %q
  secret_key = %q

  assume_role {
    role_arn     = %q
    session_name = "terraform-acceptance"
    duration     = "30m"
  }
}
`, acctest.Region, e.URL, cognitolocal.DefaultCredential.AccessKeyID,
		cognitolocal.DefaultCredential.SecretAccessKey, roleARN) + readJobs
}

// The tests below set AWS_ENDPOINT_URL_STS for the provider, which runs in
// the test's process, so they cannot run in parallel.

func TestAccProvider_assumeRoleReadsJobsWithTheRolesTemporaryKeys(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddRole(cognitolocal.Role{ARN: readerRole})
	e.AddJobs(rolePoolID, cognitolocal.GenerateJobs(rolePoolID, 3, time.Date(2026, 11, 19, 10, 15, 0, 0, time.UTC))...)
	t.Setenv("AWS_ENDPOINT_URL_STS", e.URL)

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: assumeRoleConfig(e, readerRole),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.cognito_user_import_jobs.test", tfjsonpath.New("jobs"),
					knownvalue.ListSizeExact(3)),
			},
		}},
	})

	var assumed, listed int
	for _, req := range e.RequestLog() {
		switch req.Operation {
		case "AssumeRole":
			assumed++
			if req.AccessKeyID != cognitolocal.DefaultCredential.AccessKeyID || req.ErrorCode != "" {
				t.Errorf("AssumeRole was signed by %s and answered %q, expected the configured key and success",
					req.AccessKeyID, req.ErrorCode)
			}
		case "ListUserImportJobs":
			listed++
			if req.Role != readerRole || !strings.HasPrefix(req.AccessKeyID, "ASIA") {
				t.Errorf("ListUserImportJobs was signed by %s as role %q, expected a temporary key of %s",
					req.AccessKeyID, req.Role, readerRole)
			}
		}
	}
	if assumed == 0 || listed == 0 {
		t.Errorf("the endpoint saw %d AssumeRole and %d ListUserImportJobs requests, expected some of each",
			assumed, listed)
	}
}

func TestAccProvider_roleThatCannotBeAssumedFailsConfiguration(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddPool(rolePoolID, cognitolocal.PoolOptions{})
	t.Setenv("AWS_ENDPOINT_URL_STS", e.URL)
	const unknownRole = "arn:aws:iam::123456789012:role/NotTrusted"

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:   assumeRoleConfig(e, unknownRole),
			PlanOnly: true,
			// Terraform wraps the detail, so any space may be a line break.
			ExpectError: regexp.MustCompile(`(?s)configuring the Cognito provider.*assuming IAM role\s+` +
				regexp.QuoteMeta(unknownRole) + `.*AccessDenied.*not\s+authorized\s+to\s+perform:\s+sts:AssumeRole`),
		}},
	})

	if n := e.Requests("AssumeRole"); n == 0 {
		t.Error("the endpoint saw no AssumeRole request, expected the provider to try the role")
	}
	if n := e.Requests("ListUserImportJobs"); n != 0 {
		t.Errorf("the endpoint saw %d ListUserImportJobs requests, expected none without the role", n)
	}
}
