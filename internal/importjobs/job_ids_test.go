package importjobs_test

import (
	"fmt"
	"testing"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

func TestAccUserImportJobs_jobIDsDriveAForEach(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 12, newest)
	e.AddJobs(testPoolID, jobs...)

	// Each failed job, read again by its ID through a for_each over the
	// listing's job_ids, as a pipeline that follows up failed batches would.
	// terraform-plugin-testing reads no state of a for_each, so the test
	// runs the CLI itself and reads the output.
	failed := map[string]string{}
	for _, job := range jobs {
		if job.Status == cognitolocal.StatusFailed {
			failed[job.JobId] = job.JobName
		}
	}
	if len(failed) < 2 {
		t.Fatalf("the test expects two or more failed jobs among the generated ones, there are %d",
			len(failed))
	}

	w := acctest.NewConfigWorkspace(t, e.ProviderConfig()+fmt.Sprintf(`
data "cognito_user_import_jobs" "failed" {
  user_pool_id = %[1]q
  statuses     = ["Failed"]
}

data "cognito_user_import_job" "each" {
  for_each = toset(data.cognito_user_import_jobs.failed.job_ids)

  user_pool_id = %[1]q
  job_id       = each.key
}

output "failed_job_names" {
  value = { for id, job in data.cognito_user_import_job.each : id => job.job_name }
}
`, testPoolID))
	w.MustRun("init", "-no-color")
	w.MustRun("apply", "-no-color", "-auto-approve")

	assertJSONEqual(t, "failed_job_names", w.Outputs()["failed_job_names"], failed)
	if n := e.Requests("DescribeUserImportJob"); n != len(failed) {
		t.Errorf("the endpoint served %d DescribeUserImportJob requests, expected one a failed "+
			"job, %d", n, len(failed))
	}
}
