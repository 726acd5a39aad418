package importjobs_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// servicePageSize is how many jobs the service puts on a page.
const servicePageSize = 50

// keep lists the jobs for which keeps is true, in their order: the answer a
// filtered read is expected to give, worked out without the provider.
func keep(jobs []cognitolocal.Job, keeps func(cognitolocal.Job) bool) []cognitolocal.Job {
	var kept []cognitolocal.Job
	for _, job := range jobs {
		if keeps(job) {
			kept = append(kept, job)
		}
	}
	return kept
}

// inStatuses is a keep function for jobs in one of the statuses.
func inStatuses(statuses ...string) func(cognitolocal.Job) bool {
	return func(job cognitolocal.Job) bool { return slices.Contains(statuses, job.Status) }
}

// expectJobs checks that both jobs[*].job_id (through jobIDsOutput) and
// job_ids are exactly the ids of want, in order.
func expectJobs(want []cognitolocal.Job) []statecheck.StateCheck {
	ids := knownvalue.ListExact(jobIDChecks(want))
	return []statecheck.StateCheck{
		statecheck.ExpectKnownOutputValue("job_ids", ids),
		statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New("job_ids"), ids),
	}
}

// requireCount stops a test whose expected answer is not the size its
// setup meant, so that a change of generated jobs cannot leave a filter
// test checking an empty or unfiltered answer.
func requireCount(t *testing.T, what string, jobs []cognitolocal.Job, n int) {
	t.Helper()

	if len(jobs) != n {
		t.Fatalf("the test expects %d %s, but the generated jobs hold %d", n, what, len(jobs))
	}
}

func TestAccUserImportJobs_statusesKeepOnlyJobsInThoseStatuses(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 120, newest)
	e.AddJobs(testPoolID, jobs...)

	want := keep(jobs, inStatuses("Failed", "Expired"))
	requireCount(t, "failed or expired jobs", want, 28)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, `statuses = ["Failed", "Expired"]`, jobIDsOutput),
			ConfigStateChecks: append(expectJobs(want),
				statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New("jobs").AtSliceIndex(0).
					AtMapKey("status"), knownvalue.StringExact("Failed"))),
		}},
	})

	// A status filter can end only at the last page.
	e.CheckListings(t, testPoolID, 3)
}

func TestAccUserImportJobs_nameRegexKeepsJobsWhoseNameMatches(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 30, newest)
	teams := []string{"customers", "staff", "partners"}
	for i := range jobs {
		jobs[i].JobName = fmt.Sprintf("%s-batch-%d", teams[i%len(teams)], len(jobs)-i)
	}
	// Unanchored, customers-batch- would match this one as well.
	jobs[3].JobName = "replay of customers-batch-27"
	e.AddJobs(testPoolID, jobs...)

	want := keep(jobs, func(job cognitolocal.Job) bool {
		return regexp.MustCompile(`^customers-batch-\d+$`).MatchString(job.JobName)
	})
	requireCount(t, "customer batches", want, 9)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            jobsConfig(e, testPoolID, `name_regex = "^customers-batch-\\d+$"`, jobIDsOutput),
			ConfigStateChecks: expectJobs(want),
		}},
	})

	e.CheckListings(t, testPoolID, 1)
}

func TestAccUserImportJobs_createdAfterKeepsJobsFromThatInstantOn(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 80, newest)
	e.AddJobs(testPoolID, jobs...)

	// Five minutes before the newest job, written an hour east of UTC: the
	// job created at that very instant is kept.
	after := newest.Add(-5 * time.Minute)
	want := keep(jobs, func(job cognitolocal.Job) bool { return !job.CreationDate.Before(after) })
	requireCount(t, "jobs of the last five minutes", want, 6)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, fmt.Sprintf("created_after = %q",
				after.In(time.FixedZone("", 3600)).Format(time.RFC3339)), jobIDsOutput),
			ConfigStateChecks: expectJobs(want),
		}},
	})

	// Every page is read: the order of the listing is not documented, so
	// the read does not stop at the first older job.
	e.CheckListings(t, testPoolID, 2)
}

func TestAccUserImportJobs_maxResultsStopsPagingOnceItHasThem(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 4*servicePageSize, newest)
	e.AddJobs(testPoolID, jobs...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            jobsConfig(e, testPoolID, "max_results = 60", jobIDsOutput),
			ConfigStateChecks: expectJobs(jobs[:60]),
		}},
	})

	// The pool's 200 jobs take 4 calls; its first 60 are on the first 2
	// pages. Each call still asks for pages of 60 (CheckListings checks it).
	e.CheckListings(t, testPoolID, 2)
}

func TestAccUserImportJobs_maxResultsOfAFullPageSendsOneRequest(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 2*servicePageSize, newest)
	e.AddJobs(testPoolID, jobs...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, fmt.Sprintf("max_results = %d", servicePageSize),
				jobIDsOutput),
			ConfigStateChecks: expectJobs(jobs[:servicePageSize]),
		}},
	})

	// The first page holds the jobs asked for, so the read does not ask for
	// the second, though the first carried a token to it.
	e.CheckListings(t, testPoolID, 1)
}

func TestAccUserImportJobs_filtersCompose(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 4*servicePageSize, newest)
	e.AddJobs(testPoolID, jobs...)

	// Each filter drops jobs that the others keep.
	after := newest.Add(-100 * time.Minute)
	even := regexp.MustCompile(`[02468]$`)
	want := keep(jobs, func(job cognitolocal.Job) bool {
		return inStatuses("Succeeded", "Failed")(job) && even.MatchString(job.JobName) &&
			!job.CreationDate.Before(after)
	})
	requireCount(t, "recent succeeded or failed even batches", want, 18)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, fmt.Sprintf(`
  statuses      = ["Succeeded", "Failed"]
  name_regex    = "[02468]$"
  created_after = %q
`, after.Format(time.RFC3339)), jobIDsOutput),
			ConfigStateChecks: expectJobs(want),
		}},
	})

	e.CheckListings(t, testPoolID, 4)
}

func TestAccUserImportJobs_maxResultsCountsJobsThatPassTheFilters(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 4*servicePageSize, newest)
	e.AddJobs(testPoolID, jobs...)

	even := regexp.MustCompile(`[02468]$`)
	kept := keep(jobs, func(job cognitolocal.Job) bool {
		return inStatuses("Succeeded", "Failed")(job) && even.MatchString(job.JobName)
	})
	want := kept[:12]
	// The twelfth kept job is on the second page, so the read needs two
	// calls: fewer than the pool's four, more than twelve unfiltered jobs.
	last := slices.IndexFunc(jobs, func(job cognitolocal.Job) bool { return job.JobId == want[11].JobId })
	if page := last/servicePageSize + 1; page != 2 {
		t.Fatalf("the test expects the twelfth kept job on page 2, it is on page %d", page)
	}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, `
  statuses    = ["Succeeded", "Failed"]
  name_regex  = "[02468]$"
  max_results = 12
`, jobIDsOutput),
			ConfigStateChecks: expectJobs(want),
		}},
	})

	e.CheckListings(t, testPoolID, 2)
}

func TestAccUserImportJobs_filtersKeepingNothingGiveEmptyLists(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 30, newest)...)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, `
  statuses                = ["Stopping"]
  name_regex              = "^customers-"
  max_results             = 5
  include_pre_signed_urls = true
`, `
output "job_count" {
  value = length(data.cognito_user_import_jobs.test.job_ids)
}

output "has_a_generated_job" {
  value = contains(data.cognito_user_import_jobs.test.job_ids, "import-anything")
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New("jobs"), knownvalue.ListExact(nil)),
				statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New("job_ids"), knownvalue.ListExact(nil)),
				statecheck.ExpectKnownOutputValue("job_count", knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownOutputValue("has_a_generated_job", knownvalue.Bool(false)),
				acctest.ExpectSecretMap(dataSourceAddress, "pre_signed_urls", map[string]string{}),
			},
		}},
	})

	e.CheckListings(t, testPoolID, 1)
}

func TestAccUserImportJobs_preSignedURLsOnlyOfTheReturnedJobs(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 90, newest)
	e.AddJobs(testPoolID, jobs...)

	returned := keep(jobs, inStatuses("Pending", "Created"))[:5]
	wantURLs := make(map[string]string, len(returned))
	for _, job := range returned {
		wantURLs[job.JobId] = job.PreSignedUrl
	}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, `
  statuses                = ["Pending", "Created"]
  max_results             = 5
  include_pre_signed_urls = true
`, jobIDsOutput),
			ConfigStateChecks: append(expectJobs(returned),
				statecheck.ExpectSensitiveValue(dataSourceAddress, tfjsonpath.New("pre_signed_urls")),
				acctest.ExpectSecretMap(dataSourceAddress, "pre_signed_urls", wantURLs)),
		}},
	})
}

func TestAccUserImportJobs_rejectsBadFiltersAtPlanTime(t *testing.T) {
	for name, tc := range map[string]struct {
		arguments string
		error     *regexp.Regexp
	}{
		"status the service never gives": {
			`statuses = ["Succeeded", "Completed"]`,
			errorPattern("Attribute statuses", `value must be one of:`, `got: "Completed"`),
		},
		"status in lower case": {
			`statuses = ["failed"]`,
			errorPattern("Attribute statuses", `value must be one of:`, `got: "failed"`),
		},
		"no status": {
			`statuses = []`,
			errorPattern("Attribute statuses set must contain at least 1 elements, got: 0"),
		},
		"null status": {
			`statuses = ["Failed", null]`,
			errorPattern("Null Set Value", "statuses", "This attribute contains a null value."),
		},
		"unclosed group": {
			`name_regex = "(customers"`,
			errorPattern("invalid regular expression", "name_regex must be a valid RE2 regular expression",
				`got "(customers"`, "missing closing )"),
		},
		"lookahead": {
			`name_regex = "customers-(?=1)"`,
			errorPattern("invalid regular expression", "invalid or unsupported Perl syntax",
				"RE2 has no lookahead"),
		},
		"date without a time": {
			`created_after = "2025-11-18"`,
			errorPattern("Invalid RFC3339 String Value", "with data.cognito_user_import_jobs.test",
				"created_after", "Given Value: 2025-11-18"),
		},
		"time without a zone": {
			`created_after = "2025-11-18T10:00:00"`,
			errorPattern("Invalid RFC3339 String Value", "created_after",
				"Given Value: 2025-11-18T10:00:00"),
		},
		"max_results of zero": {
			`max_results = 0`,
			errorPattern("Attribute max_results value must be at least 1, got: 0"),
		},
		"negative max_results": {
			`max_results = -3`,
			errorPattern("Attribute max_results value must be at least 1, got: -3"),
		},
	} {
		t.Run(name, func(t *testing.T) {
			e := acctest.NewEndpoint(t)

			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      jobsConfig(e, testPoolID, tc.arguments, ""),
					PlanOnly:    true,
					ExpectError: tc.error,
				}},
			})

			if n := e.Requests(""); n != 0 {
				t.Errorf("expected no request for %s, the endpoint saw %d", tc.arguments, n)
			}
		})
	}
}

func TestAccUserImportJobs_unknownFiltersDeferTheRead(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 30, newest)
	e.AddJobs(testPoolID, jobs...)

	after := newest.Add(-20 * time.Minute)
	kept := keep(jobs, func(job cognitolocal.Job) bool {
		return job.Status == "Succeeded" && !job.CreationDate.Before(after)
	})
	requireCount(t, "recent succeeded jobs", kept, 5)
	want := kept[:2]

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// terraform_data's output is unknown until apply, so every filter
			// is unknown at plan time and must not be refused then.
			Config: e.ProviderConfig() + fmt.Sprintf(`
resource "terraform_data" "filters" {
  input = {
    statuses      = ["Succeeded"]
    name_regex    = "^generated-"
    created_after = %q
    max_results   = 2
  }
}

data "cognito_user_import_jobs" "test" {
  user_pool_id  = %q
  statuses      = terraform_data.filters.output.statuses
  name_regex    = terraform_data.filters.output.name_regex
  created_after = terraform_data.filters.output.created_after
  max_results   = terraform_data.filters.output.max_results
}
`, after.Format(time.RFC3339), testPoolID) + jobIDsOutput,
			ConfigStateChecks: expectJobs(want),
		}},
	})
}
