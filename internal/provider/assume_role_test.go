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
// a role to assume with it, as session "terraform-acceptance" for 30
// minutes, then reads the jobs of rolePoolID. Each of extraArguments is
// one more line of the assume_role block.
func assumeRoleConfig(e *acctest.Endpoint, roleARN string, extraArguments ...string) string {
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
    %s
  }
}
`, acctest.Region, e.URL, cognitolocal.DefaultCredential.AccessKeyID,
		cognitolocal.DefaultCredential.SecretAccessKey, roleARN,
		strings.Join(extraArguments, "\n    ")) + readJobs
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

func TestAccProvider_assumeRoleAsksForTheConfiguredSessionNameAndDuration(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddRole(cognitolocal.Role{ARN: readerRole})
	e.AddPool(rolePoolID, cognitolocal.PoolOptions{})
	t.Setenv("AWS_ENDPOINT_URL_STS", e.URL)

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: assumeRoleConfig(e, readerRole)}},
	})

	sessions := e.RoleSessions(readerRole)
	if len(sessions) == 0 {
		t.Fatal("the endpoint granted no session of the role, expected the provider to assume it")
	}
	// The provider is configured once per Terraform command, so each
	// command asks for a session of its own; every one must be as configured.
	for _, session := range sessions {
		if session.SessionName != "terraform-acceptance" || session.Duration != 30*time.Minute {
			t.Fatalf("the provider asked for session %q lasting %v, expected the configured "+
				"\"terraform-acceptance\" lasting 30m0s", session.SessionName, session.Duration)
		}
	}
}

func TestAccProvider_assumeRoleGivesTheExternalIDTheRoleRequires(t *testing.T) {
	const externalID = "migration-2026"
	e := acctest.NewEndpoint(t)
	e.AddRole(cognitolocal.Role{ARN: readerRole, ExternalID: externalID})
	e.AddPool(rolePoolID, cognitolocal.PoolOptions{})
	t.Setenv("AWS_ENDPOINT_URL_STS", e.URL)

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// Without the external id the role refuses, which shows
				// that the next step succeeds because of it.
				Config:   assumeRoleConfig(e, readerRole),
				PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)assuming IAM role\s+` + regexp.QuoteMeta(readerRole) +
					`.*AccessDenied`),
			},
			{Config: assumeRoleConfig(e, readerRole, fmt.Sprintf("external_id = %q", externalID))},
		},
	})

	if n := len(e.RoleSessions(readerRole)); n == 0 {
		t.Error("the endpoint granted no session of the role, expected one once the external id was given")
	}
	if n := e.Requests("ListUserImportJobs"); n == 0 {
		t.Error("the endpoint saw no ListUserImportJobs request, expected the jobs read as the role")
	}
}
