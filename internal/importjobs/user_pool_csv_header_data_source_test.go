package importjobs_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

const csvHeaderAddress = "data.cognito_user_pool_csv_header.test"

// standardCSVHeader is the header of a user pool with only the standard
// attributes, as the service lists it.
var standardCSVHeader = []string{
	"name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
	"profile", "picture", "website", "email", "email_verified", "gender", "birthdate",
	"zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at",
	"cognito:mfa_enabled", "cognito:username",
}

// csvHeaderConfig is a configuration reading the CSV header of userPoolID,
// with extra blocks after it.
func csvHeaderConfig(e *acctest.Endpoint, userPoolID, extra string) string {
	return e.ProviderConfig() + fmt.Sprintf(`
data "cognito_user_pool_csv_header" "test" {
  user_pool_id = %q
}
%s`, userPoolID, extra)
}

// expectCSVHeader checks both attributes of the data source against the
// column names, in order.
func expectCSVHeader(columns []string, line string) []statecheck.StateCheck {
	checks := make([]knownvalue.Check, 0, len(columns))
	for _, column := range columns {
		checks = append(checks, knownvalue.StringExact(column))
	}
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(csvHeaderAddress, tfjsonpath.New("csv_header"),
			knownvalue.ListExact(checks)),
		statecheck.ExpectKnownValue(csvHeaderAddress, tfjsonpath.New("csv_header_line"),
			knownvalue.StringExact(line)),
	}
}

func TestAccUserPoolCSVHeader_standardAttributesInTheServiceOrder(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: csvHeaderConfig(e, testPoolID, ""),
			ConfigStateChecks: expectCSVHeader(standardCSVHeader,
				"name,given_name,family_name,middle_name,nickname,preferred_username,profile,"+
					"picture,website,email,email_verified,gender,birthdate,zoneinfo,locale,"+
					"phone_number,phone_number_verified,address,updated_at,cognito:mfa_enabled,"+
					"cognito:username"),
		}},
	})

	checkOnlyCalls(t, e, "GetCSVHeader", testPoolID, "")
}

func TestAccUserPoolCSVHeader_customAttributesWhereTheServicePutsThem(t *testing.T) {
	e := acctest.NewEndpoint(t)
	// Not sorted: the header is used as the service gives it.
	header := []string{
		"name", "email", "email_verified", "custom:department", "custom:employee_id",
		"cognito:mfa_enabled", "cognito:username",
	}
	e.SetCSVHeader(testPoolID, header)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: csvHeaderConfig(e, testPoolID, `
output "columns" {
  value = length(data.cognito_user_pool_csv_header.test.csv_header)
}

output "has_department" {
  value = contains(data.cognito_user_pool_csv_header.test.csv_header, "custom:department")
}
`),
			ConfigStateChecks: append(expectCSVHeader(header, strings.Join(header, ",")),
				statecheck.ExpectKnownOutputValue("columns", knownvalue.Int64Exact(int64(len(header)))),
				statecheck.ExpectKnownOutputValue("has_department", knownvalue.Bool(true))),
		}},
	})
}

func TestAccUserPoolCSVHeader_missingPoolIsAnError(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: csvHeaderConfig(e, "eu-west-1_Nope00000", ""),
			ExpectError: errorPattern("Error: reading Cognito user pool CSV header (eu-west-1_Nope00000)",
				"GetCSVHeader failed with ResourceNotFoundException: User pool eu-west-1_Nope00000 does not exist.",
				"Check that user pool eu-west-1_Nope00000 exists in region eu-west-1"),
		}},
	})
}

func TestAccUserPoolCSVHeader_missingPoolNamesARegionMismatch(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: e.ProviderConfigIn("us-east-1") + fmt.Sprintf(`
data "cognito_user_pool_csv_header" "test" {
  user_pool_id = %q
}
`, testPoolID),
			ExpectError: errorPattern("GetCSVHeader failed with ResourceNotFoundException",
				"names region eu-west-1, but the provider is configured for region us-east-1"),
		}},
	})
}

func TestAccUserPoolCSVHeader_rejectsABadUserPoolIDAtPlanTime(t *testing.T) {
	e := acctest.NewEndpoint(t)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:   csvHeaderConfig(e, "eu-west-1 Qx7Zk2Lm9", ""),
			PlanOnly: true,
			ExpectError: errorPattern("Error: invalid user pool id",
				`user_pool_id "eu-west-1 Qx7Zk2Lm9" does not have the form the API requires`),
		}},
	})

	if n := e.Requests(""); n != 0 {
		t.Errorf("expected no request for a bad user_pool_id, the endpoint saw %d", n)
	}
}

func TestAccUserPoolCSVHeader_unknownUserPoolIDDefersTheRead(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// terraform_data's output is unknown until apply, like the id of
			// a user pool created in the same run.
			Config: e.ProviderConfig() + fmt.Sprintf(`
resource "terraform_data" "pool" {
  input = %q
}

data "cognito_user_pool_csv_header" "test" {
  user_pool_id = terraform_data.pool.output
}
`, testPoolID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(csvHeaderAddress, tfjsonpath.New("csv_header"),
					knownvalue.ListSizeExact(len(standardCSVHeader))),
			},
		}},
	})
}
