package importjobs_test

import (
	"fmt"
	"path/filepath"
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
	dataSourceAddress = "data.cognito_user_import_jobs.test"
	testPoolID        = "eu-west-1_Qx7Zk2Lm9"
)

// newest is when the newest generated job of a test was created.
var newest = time.Date(2026, 11, 19, 10, 15, 0, 0, time.UTC)

// jobsConfig is a configuration reading the jobs of userPoolID, with extra
// arguments and blocks after it.
func jobsConfig(e *acctest.Endpoint, userPoolID, arguments, extra string) string {
	return e.ProviderConfig() + fmt.Sprintf(`
data "cognito_user_import_jobs" "test" {
  user_pool_id = %q
  %s
}
%s`, userPoolID, arguments, extra)
}

// jobIDChecks expects exactly these job ids, in this order.
func jobIDChecks(jobs []cognitolocal.Job) []knownvalue.Check {
	checks := make([]knownvalue.Check, 0, len(jobs))
	for _, job := range jobs {
		checks = append(checks, knownvalue.StringExact(job.JobId))
	}
	return checks
}

// jobIDsOutput outputs the ids of the jobs read, in order.
const jobIDsOutput = `
output "job_ids" {
  value = data.cognito_user_import_jobs.test.jobs[*].job_id
}
`

func TestAccUserImportJobs_emptyPoolGivesEmptyList(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", `
output "job_count" {
  value = length(data.cognito_user_import_jobs.test.jobs)
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New("jobs"), knownvalue.ListExact(nil)),
				statecheck.ExpectKnownOutputValue("job_count", knownvalue.Int64Exact(0)),
			},
		}},
	})

	e.CheckListings(t, testPoolID, 1)
}

func TestAccUserImportJobs_mapsEveryAttributeOfServiceShapedAnswers(t *testing.T) {
	e := acctest.NewEndpoint(t)
	if err := e.LoadSeedFile(filepath.Join("..", "..", "testdata", "seed-fixtures.json")); err != nil {
		t.Fatal(err)
	}
	// Three jobs a page, as the answers in testdata were recorded, and the
	// exponent form of timestamps that the service sometimes writes.
	e.AddPool(testPoolID, cognitolocal.PoolOptions{PageSize: 3, ExponentTimestamps: true})

	roleARN := knownvalue.StringExact("arn:aws:iam::123456789012:role/CognitoImportLogs")
	pool := knownvalue.StringExact(testPoolID)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", ""),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New("jobs"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"job_name":                  knownvalue.StringExact("spring-migration-batch-3"),
						"job_id":                    knownvalue.StringExact("import-Tn4Wq8Rb2Y"),
						"user_pool_id":              pool,
						"creation_date":             knownvalue.StringExact("2025-11-19T10:15:00.417Z"),
						"start_date":                knownvalue.Null(),
						"completion_date":           knownvalue.Null(),
						"status":                    knownvalue.StringExact("Created"),
						"cloud_watch_logs_role_arn": roleARN,
						"imported_users":            knownvalue.Int64Exact(0),
						"skipped_users":             knownvalue.Int64Exact(0),
						"failed_users":              knownvalue.Int64Exact(0),
						"completion_message":        knownvalue.Null(),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"job_name":                  knownvalue.StringExact("spring-migration-batch-2"),
						"job_id":                    knownvalue.StringExact("import-Lp0Ks9Jd3F"),
						"user_pool_id":              pool,
						"creation_date":             knownvalue.StringExact("2025-11-18T10:16:42.853Z"),
						"start_date":                knownvalue.StringExact("2025-11-18T10:21:51.027Z"),
						"completion_date":           knownvalue.StringExact("2025-11-18T10:24:58.602Z"),
						"status":                    knownvalue.StringExact("Succeeded"),
						"cloud_watch_logs_role_arn": roleARN,
						"imported_users":            knownvalue.Int64Exact(4812),
						"skipped_users":             knownvalue.Int64Exact(3),
						"failed_users":              knownvalue.Int64Exact(41),
						"completion_message":        knownvalue.StringExact("Import Job Completed Successfully."),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"job_name":                  knownvalue.StringExact("spring-migration-batch-1"),
						"job_id":                    knownvalue.StringExact("import-Hg7Fd6Sa5Q"),
						"user_pool_id":              pool,
						"creation_date":             knownvalue.StringExact("2025-11-15T10:05:00Z"),
						"start_date":                knownvalue.Null(),
						"completion_date":           knownvalue.StringExact("2025-11-17T10:08:32.5Z"),
						"status":                    knownvalue.StringExact("Expired"),
						"cloud_watch_logs_role_arn": roleARN,
						"imported_users":            knownvalue.Int64Exact(0),
						"skipped_users":             knownvalue.Int64Exact(0),
						"failed_users":              knownvalue.Int64Exact(0),
						"completion_message":        knownvalue.StringExact("The user import job has expired."),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"job_name":                  knownvalue.StringExact("pilot users"),
						"job_id":                    knownvalue.StringExact("import-Zx1Cv2Bn3M"),
						"user_pool_id":              pool,
						"creation_date":             knownvalue.StringExact("2025-10-19T19:00:00Z"),
						"start_date":                knownvalue.StringExact("2025-10-19T19:05:12.09Z"),
						"completion_date":           knownvalue.StringExact("2025-10-19T19:09:10.71Z"),
						"status":                    knownvalue.StringExact("Failed"),
						"cloud_watch_logs_role_arn": roleARN,
						"imported_users":            knownvalue.Int64Exact(120),
						"skipped_users":             knownvalue.Int64Exact(0),
						"failed_users":              knownvalue.Int64Exact(7),
						"completion_message": knownvalue.StringExact(
							"Too many users have failed or been skipped during the import."),
					}),
				})),
				statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New("pre_signed_urls"), knownvalue.Null()),
			},
		}},
	})

	e.CheckListings(t, testPoolID, 2)
}

func TestAccUserImportJobs_readsAThousandJobsOnce(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 1000, newest)
	e.AddJobs(testPoolID, jobs...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", jobIDsOutput+`
output "distinct_job_ids" {
  value = length(distinct(data.cognito_user_import_jobs.test.jobs[*].job_id))
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("job_ids", knownvalue.ListExact(jobIDChecks(jobs))),
				statecheck.ExpectKnownOutputValue("distinct_job_ids", knownvalue.Int64Exact(1000)),
			},
		}},
	})

	// 1,000 jobs at the service's 50 a page.
	e.CheckListings(t, testPoolID, 20)
}

func TestAccUserImportJobs_followsShortPagesThatCarryAToken(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 20, newest)
	e.AddJobs(testPoolID, jobs...)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{PageSize: 7})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", jobIDsOutput),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("job_ids", knownvalue.ListExact(jobIDChecks(jobs))),
			},
		}},
	})

	e.CheckListings(t, testPoolID, 3)
}

func TestAccUserImportJobs_stopsAtAnEmptyFinalToken(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 75, newest)
	e.AddJobs(testPoolID, jobs...)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{EmptyFinalToken: true})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", jobIDsOutput),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("job_ids", knownvalue.ListExact(jobIDChecks(jobs))),
			},
		}},
	})

	e.CheckListings(t, testPoolID, 2)
}

func TestAccUserImportJobs_followsATokenAfterTheLastJob(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 50, newest)
	e.AddJobs(testPoolID, jobs...)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{TokenAfterLastJob: true})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", jobIDsOutput),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("job_ids", knownvalue.ListExact(jobIDChecks(jobs))),
			},
		}},
	})

	// A full page ending at the last job, then the empty page its token
	// leads to.
	e.CheckListings(t, testPoolID, 2)
}

func TestAccUserImportJobs_missingPoolIsAnError(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 3, newest)...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, "eu-west-1_Nope00000", "", ""),
			ExpectError: errorPattern("Error: listing Cognito user import jobs (eu-west-1_Nope00000)",
				"ListUserImportJobs failed on page 1 with ResourceNotFoundException: "+
					"User pool eu-west-1_Nope00000 does not exist.",
				"Check that user pool eu-west-1_Nope00000 exists in region eu-west-1"),
		}},
	})
}

func TestAccUserImportJobs_missingPoolNamesARegionMismatch(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 3, newest)...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: e.ProviderConfigIn("us-east-1") + fmt.Sprintf(`
data "cognito_user_import_jobs" "test" {
  user_pool_id = %q
}
`, testPoolID),
			ExpectError: errorPattern("ResourceNotFoundException",
				"names region eu-west-1, but the provider is configured "+
					"for region us-east-1, and a user pool is found only in its own region. "+
					"Set the provider's region to eu-west-1, with its region argument or AWS_REGION."),
		}},
	})
}

func TestAccUserImportJobs_rejectsABadUserPoolIDAtPlanTime(t *testing.T) {
	for name, tc := range map[string]struct{ id, problem string }{
		"no underscore":     {"euwest1Qx7Zk2Lm9", "does not have the form the API requires"},
		"nothing after _":   {"eu-west-1_", "does not have the form the API requires"},
		"space in suffix":   {"eu-west-1_Qx7 Zk2", "does not have the form the API requires"},
		"leading space":     {" eu-west-1_Qx7Zk2Lm9", "has white space around it"},
		"longer than 55":    {"eu-west-1_" + strings.Repeat("a", 46), "is 56 characters long"},
		"punctuation after": {"eu-west-1_Qx7Zk2Lm9!", "does not have the form the API requires"},
	} {
		t.Run(name, func(t *testing.T) {
			e := acctest.NewEndpoint(t)

			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:   jobsConfig(e, tc.id, "", ""),
					PlanOnly: true,
					ExpectError: errorPattern("Error: invalid user pool id",
						fmt.Sprintf("user_pool_id %q %s. A user pool id must be 1 to 55 characters", tc.id, tc.problem)),
				}},
			})

			if n := e.Requests(""); n != 0 {
				t.Errorf("expected no request for a bad user_pool_id, the endpoint saw %d", n)
			}
		})
	}
}

func TestAccUserImportJobs_unknownUserPoolIDDefersTheRead(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 2, newest)
	e.AddJobs(testPoolID, jobs...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// terraform_data's output is unknown until apply, like the id of
			// a user pool being created in the same run.
			Config: e.ProviderConfig() + fmt.Sprintf(`
resource "terraform_data" "pool" {
  input = %q
}

data "cognito_user_import_jobs" "test" {
  user_pool_id = terraform_data.pool.output
}
`, testPoolID) + jobIDsOutput,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("job_ids", knownvalue.ListExact(jobIDChecks(jobs))),
			},
		}},
	})

	e.CheckListings(t, testPoolID, 1)
}

func TestAccUserImportJobs_preSignedURLsRefusedInAnUnmarkedOutput(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 2, newest)...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "include_pre_signed_urls = true", `
output "urls" {
  value = data.cognito_user_import_jobs.test.pre_signed_urls
}
`),
			ExpectError: regexp.MustCompile(`Output refers to sensitive values`),
		}},
	})
}

func TestAccUserImportJobs_preSignedURLsOnRequest(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 60, newest)
	e.AddJobs(testPoolID, jobs...)

	want := make(map[string]string, len(jobs))
	for _, job := range jobs {
		want[job.JobId] = job.PreSignedUrl
	}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "include_pre_signed_urls = true", jobIDsOutput+`
output "urls" {
  value     = data.cognito_user_import_jobs.test.pre_signed_urls
  sensitive = true
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				// The jobs themselves stay free of any sensitive mark.
				statecheck.ExpectKnownOutputValue("job_ids", knownvalue.ListExact(jobIDChecks(jobs))),
				statecheck.ExpectSensitiveValue(dataSourceAddress, tfjsonpath.New("pre_signed_urls")),
				acctest.ExpectSecretMap(dataSourceAddress, "pre_signed_urls", want),
			},
		}},
	})
}

func TestAccUserImportJobs_preSignedURLsStayOutOfTheStateByDefault(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 3, newest)...)

	for _, arguments := range []string{"", "include_pre_signed_urls = false"} {
		resource.Test(t, resource.TestCase{
			PreCheck:                 func() { acctest.PreCheck(t) },
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: jobsConfig(e, testPoolID, arguments, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New("jobs"), knownvalue.ListSizeExact(3)),
					acctest.ExpectNoSecretInState(dataSourceAddress, "pre_signed_urls"),
				},
			}},
		})
	}
}
