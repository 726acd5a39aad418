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

const jobAddress = "data.cognito_user_import_job.test"

// jobConfig is a configuration reading one job of userPoolID, with extra
// arguments and blocks after it.
func jobConfig(e *acctest.Endpoint, userPoolID, jobID, arguments, extra string) string {
	return e.ProviderConfig() + fmt.Sprintf(`
data "cognito_user_import_job" "test" {
  user_pool_id = %q
  job_id       = %q
  %s
}
%s`, userPoolID, jobID, arguments, extra)
}

// checkOnlyCalls fails the test unless the endpoint saw at least one call,
// every call was of operation, and each named the pool and, for an
// operation on one job, the job.
func checkOnlyCalls(t *testing.T, e *acctest.Endpoint, operation, userPoolID, jobID string) {
	t.Helper()

	log := e.RequestLog()
	if len(log) == 0 {
		t.Fatalf("expected %s calls, but the endpoint saw no request", operation)
	}
	for i, req := range log {
		if req.Operation != operation || req.UserPoolID != userPoolID || req.JobID != jobID {
			t.Errorf("request %d was %s for pool %q and job %q, expected only %s for pool %q and job %q",
				i+1, req.Operation, req.UserPoolID, req.JobID, operation, userPoolID, jobID)
		}
	}
}

func TestAccUserImportJob_mapsEveryAttributeOfAServiceShapedJob(t *testing.T) {
	e := acctest.NewEndpoint(t)
	if err := e.LoadSeedFile(filepath.Join("..", "..", "testdata", "seed-fixtures.json")); err != nil {
		t.Fatal(err)
	}
	e.AddPool(testPoolID, cognitolocal.PoolOptions{ExponentTimestamps: true})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobConfig(e, testPoolID, "import-Lp0Ks9Jd3F", "", ""),
			ConfigStateChecks: expectJobAttributes(map[string]knownvalue.Check{
				"user_pool_id":              knownvalue.StringExact(testPoolID),
				"job_id":                    knownvalue.StringExact("import-Lp0Ks9Jd3F"),
				"job_name":                  knownvalue.StringExact("spring-migration-batch-2"),
				"creation_date":             knownvalue.StringExact("2025-11-18T10:16:42.853Z"),
				"start_date":                knownvalue.StringExact("2025-11-18T10:21:51.027Z"),
				"completion_date":           knownvalue.StringExact("2025-11-18T10:24:58.602Z"),
				"status":                    knownvalue.StringExact("Succeeded"),
				"cloud_watch_logs_role_arn": knownvalue.StringExact("arn:aws:iam::123456789012:role/CognitoImportLogs"),
				"imported_users":            knownvalue.Int64Exact(4812),
				"skipped_users":             knownvalue.Int64Exact(3),
				"failed_users":              knownvalue.Int64Exact(41),
				"completion_message":        knownvalue.StringExact("Import Job Completed Successfully."),
				"include_pre_signed_url":    knownvalue.Null(),
				"pre_signed_url":            knownvalue.Null(),
			}),
		}},
	})

	checkOnlyCalls(t, e, "DescribeUserImportJob", testPoolID, "import-Lp0Ks9Jd3F")
}

func TestAccUserImportJob_jobThatNeverStartedHasNullDates(t *testing.T) {
	e := acctest.NewEndpoint(t)
	if err := e.LoadSeedFile(filepath.Join("..", "..", "testdata", "seed-fixtures.json")); err != nil {
		t.Fatal(err)
	}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobConfig(e, testPoolID, "import-Tn4Wq8Rb2Y", "", ""),
			ConfigStateChecks: expectJobAttributes(map[string]knownvalue.Check{
				"status":             knownvalue.StringExact("Created"),
				"creation_date":      knownvalue.StringExact("2025-11-19T10:15:00.417Z"),
				"start_date":         knownvalue.Null(),
				"completion_date":    knownvalue.Null(),
				"completion_message": knownvalue.Null(),
				"imported_users":     knownvalue.Int64Exact(0),
			}),
		}},
	})
}

func TestAccUserImportJob_equalsTheSameJobListed(t *testing.T) {
	e := acctest.NewEndpoint(t)
	// One job of each status the generator gives, and then some.
	jobs := cognitolocal.GenerateJobs(testPoolID, 12, newest)
	e.AddJobs(testPoolID, jobs...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", fmt.Sprintf(`
data "cognito_user_import_job" "each" {
  # terraform-plugin-testing reads no state of a for_each, so count it is.
  count = length(data.cognito_user_import_jobs.test.job_ids)

  user_pool_id = %q
  job_id       = data.cognito_user_import_jobs.test.job_ids[count.index]
}

locals {
  # Each job read by id, cut down to the attributes of a listed job.
  described = [
    for i, job in data.cognito_user_import_jobs.test.jobs : {
      for name, value in data.cognito_user_import_job.each[i] : name => value
      if contains(keys(job), name)
    }
  ]
}

output "compared" {
  value = length(local.described)
}

output "differing" {
  value = [
    for i, job in data.cognito_user_import_jobs.test.jobs : job.job_id
    if job != local.described[i]
  ]
}
`, testPoolID)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("compared", knownvalue.Int64Exact(int64(len(jobs)))),
				statecheck.ExpectKnownOutputValue("differing", knownvalue.ListExact(nil)),
			},
		}},
	})
}

func TestAccUserImportJob_readsTheJobAfreshOnEveryPlan(t *testing.T) {
	e := acctest.NewEndpoint(t)
	job := cognitolocal.GenerateJobs(testPoolID, 8, newest)[7]
	if job.Status != cognitolocal.StatusCreated {
		t.Fatalf("the test expects the eighth generated job to be Created, it is %s", job.Status)
	}
	e.AddJobs(testPoolID, job)

	config := jobConfig(e, testPoolID, job.JobId, "", "")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddress, tfjsonpath.New("status"),
						knownvalue.StringExact("Created")),
				},
			},
			{
				// The job runs and ends between two plans.
				PreConfig: func() {
					started := cognitolocal.NewEpochTime(newest)
					ended := cognitolocal.NewEpochTime(newest.Add(30 * time.Second))
					job.Status, job.StartDate, job.CompletionDate = "Succeeded", &started, &ended
					job.ImportedUsers, job.CompletionMessage = 250, "Import Job Completed Successfully."
					e.AddJobs(testPoolID, job)
				},
				Config: config,
				ConfigStateChecks: expectJobAttributes(map[string]knownvalue.Check{
					"status":         knownvalue.StringExact("Succeeded"),
					"imported_users": knownvalue.Int64Exact(250),
					"start_date":     knownvalue.StringExact("2026-11-19T10:15:00Z"),
				}),
			},
		},
	})
}

func TestAccUserImportJob_missingJobIsAnErrorNamingIt(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 3, newest)...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobConfig(e, testPoolID, "import-Nope000000", "", ""),
			ExpectError: errorPattern(
				"Error: reading Cognito user import job (eu-west-1_Qx7Zk2Lm9/import-Nope000000)",
				"DescribeUserImportJob failed with ResourceNotFoundException: "+
					"Import job import-Nope000000 does not exist in user pool eu-west-1_Qx7Zk2Lm9.",
				"import job import-Nope000000 is one of its jobs"),
		}},
	})
}

func TestAccUserImportJob_missingPoolIsAnError(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 3, newest)...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobConfig(e, "eu-west-1_Nope00000", "import-Lp0Ks9Jd3F", "", ""),
			ExpectError: errorPattern(
				"Error: reading Cognito user import job (eu-west-1_Nope00000/import-Lp0Ks9Jd3F)",
				"DescribeUserImportJob failed with ResourceNotFoundException: "+
					"User pool eu-west-1_Nope00000 does not exist.",
				"Check that user pool eu-west-1_Nope00000 exists in region eu-west-1"),
		}},
	})
}

func TestAccUserImportJob_missingPoolNamesARegionMismatch(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 1, newest)
	e.AddJobs(testPoolID, jobs...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: e.ProviderConfigIn("us-east-1") + fmt.Sprintf(`
data "cognito_user_import_job" "test" {
  user_pool_id = %q
  job_id       = %q
}
`, testPoolID, jobs[0].JobId),
			ExpectError: errorPattern("ResourceNotFoundException",
				"names region eu-west-1, but the provider is configured for region us-east-1",
				"Set the provider's region to eu-west-1, with its region argument or AWS_REGION."),
		}},
	})
}

func TestAccUserImportJob_rejectsBadIDsAtPlanTime(t *testing.T) {
	for name, tc := range map[string]struct {
		userPoolID, jobID string
		error             *regexp.Regexp
	}{
		"job id without import-": {testPoolID, "job-qQ0DCt2fRh", errorPattern(
			"Error: invalid user import job id", `job_id "job-qQ0DCt2fRh" does not have the form the API requires. `+
				"A user import job id must be 1 to 55 characters")},
		"job id with punctuation": {testPoolID, "import-qQ0D_t2fRh", errorPattern(
			`job_id "import-qQ0D_t2fRh" does not have the form the API requires`)},
		"job id with a space": {testPoolID, " import-qQ0DCt2fRh", errorPattern(
			`job_id " import-qQ0DCt2fRh" has white space around it`)},
		"job id longer than 55": {testPoolID, "import-" + strings.Repeat("a", 49), errorPattern(
			"job_id", "is 56 characters long")},
		"empty job id": {testPoolID, "", errorPattern(`job_id "" does not have the form the API requires`)},
		"bad user pool id": {"eu-west-1_", "import-qQ0DCt2fRh", errorPattern("Error: invalid user pool id",
			`user_pool_id "eu-west-1_" does not have the form the API requires`)},
	} {
		t.Run(name, func(t *testing.T) {
			e := acctest.NewEndpoint(t)

			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      jobConfig(e, tc.userPoolID, tc.jobID, "", ""),
					PlanOnly:    true,
					ExpectError: tc.error,
				}},
			})

			if n := e.Requests(""); n != 0 {
				t.Errorf("expected no request for a bad id, the endpoint saw %d", n)
			}
		})
	}
}

func TestAccUserImportJob_unknownJobIDDefersTheRead(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 2, newest)
	e.AddJobs(testPoolID, jobs...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// terraform_data's output is unknown until apply, like the id of
			// a job created in the same run.
			Config: e.ProviderConfig() + fmt.Sprintf(`
resource "terraform_data" "job" {
  input = %q
}

data "cognito_user_import_job" "test" {
  user_pool_id = %q
  job_id       = terraform_data.job.output
}
`, jobs[1].JobId, testPoolID),
			ConfigStateChecks: expectJobAttributes(map[string]knownvalue.Check{
				"job_id":   knownvalue.StringExact(jobs[1].JobId),
				"job_name": knownvalue.StringExact(jobs[1].JobName),
			}),
		}},
	})
}

func TestAccUserImportJob_preSignedURLOnRequest(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 3, newest)
	e.AddJobs(testPoolID, jobs...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobConfig(e, testPoolID, jobs[2].JobId, "include_pre_signed_url = true", `
output "upload_url" {
  value     = data.cognito_user_import_job.test.pre_signed_url
  sensitive = true
}

output "job_name" {
  value = data.cognito_user_import_job.test.job_name
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				// The job's other attributes stay free of any sensitive mark.
				statecheck.ExpectKnownOutputValue("job_name", knownvalue.StringExact(jobs[2].JobName)),
				statecheck.ExpectSensitiveValue(jobAddress, tfjsonpath.New("pre_signed_url")),
				acctest.ExpectSecretString(jobAddress, "pre_signed_url", jobs[2].PreSignedUrl),
			},
		}},
	})
}

func TestAccUserImportJob_preSignedURLRefusedInAnUnmarkedOutput(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 1, newest)
	e.AddJobs(testPoolID, jobs...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobConfig(e, testPoolID, jobs[0].JobId, "include_pre_signed_url = true", `
output "upload_url" {
  value = data.cognito_user_import_job.test.pre_signed_url
}
`),
			ExpectError: regexp.MustCompile(`Output refers to sensitive values`),
		}},
	})
}

func TestAccUserImportJob_preSignedURLStaysOutOfTheStateByDefault(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 1, newest)
	e.AddJobs(testPoolID, jobs...)

	for _, arguments := range []string{"", "include_pre_signed_url = false"} {
		resource.Test(t, resource.TestCase{
			PreCheck:                 func() { acctest.PreCheck(t) },
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: jobConfig(e, testPoolID, jobs[0].JobId, arguments, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(jobAddress, tfjsonpath.New("job_id"),
						knownvalue.StringExact(jobs[0].JobId)),
					acctest.ExpectNoSecretInState(jobAddress, "pre_signed_url"),
				},
			}},
		})
	}
}

// expectJobAttributes checks each named attribute of the job read at
// jobAddress.
func expectJobAttributes(checks map[string]knownvalue.Check) []statecheck.StateCheck {
	stateChecks := make([]statecheck.StateCheck, 0, len(checks))
	for name, check := range checks {
		stateChecks = append(stateChecks, statecheck.ExpectKnownValue(jobAddress, tfjsonpath.New(name), check))
	}
	return stateChecks
}
