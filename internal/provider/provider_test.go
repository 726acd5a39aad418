package provider_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
)

const readJobs = `
data "cognito_user_import_jobs" "test" {
  user_pool_id = "eu-west-1_Qx7Zk2Lm9"
}
`

// planFails runs a plan of config and expects it to fail with pattern,
// without a single request reaching the endpoint.
func planFails(t *testing.T, config string, pattern *regexp.Regexp) {
	t.Helper()

	e := acctest.NewEndpoint(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      config,
			PlanOnly:    true,
			ExpectError: pattern,
		}},
	})

	if n := e.Requests(""); n != 0 {
		t.Errorf("expected no request, the endpoint saw %d", n)
	}
}

func TestAccProvider_noRegionIsAConfigurationError(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"} {
		t.Setenv(name, "")
	}
	t.Setenv("AWS_CONFIG_FILE", empty)

	planFails(t, `
provider "cognito" {
  access_key = "AKIDEXAMPLE"
  secret_key = "example"
}
`+readJobs, regexp.MustCompile(`(?s)configuring the Cognito provider.*No AWS region is configured`))
}

func TestAccProvider_rejectsBadArgumentsAtPlanTime(t *testing.T) {
	for name, tc := range map[string]struct {
		provider string
		pattern  string
	}{
		"endpoint without scheme": {`endpoint = "localhost:4566"`, `Attribute endpoint must be an http:// or https://`},
		"unknown retry mode":      {`retry_mode = "eager"`, `Attribute retry_mode value must be one of`},
		"negative max_retries":    {`max_retries = -1`, `Attribute max_retries value must be between 0 and 100`},
		"access key alone":        {`access_key = "AKIDEXAMPLE"`, `Attribute "secret_key" must be specified when "access_key"`},
		"role without ARN": {`assume_role {
    session_name = "terraform"
  }`, `Attribute "assume_role.role_arn" must be specified`},
		"role session too long": {`assume_role {
    role_arn = "arn:aws:iam::123456789012:role/Reader"
    duration = "13h"
  }`, `assume_role.duration must be a duration between 15m0s and 12h0m0s, got 13h`},
		"role duration not a duration": {`assume_role {
    role_arn = "arn:aws:iam::123456789012:role/Reader"
    duration = "an hour"
  }`, `Invalid Time Duration String Value`},
	} {
		t.Run(name, func(t *testing.T) {
			planFails(t, `
provider "cognito" {
  region = "eu-west-1"
  `+tc.provider+`
}
`+readJobs, regexp.MustCompile(tc.pattern))
		})
	}
}
