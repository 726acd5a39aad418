package importjobs_test

import (
	"path/filepath"
	"testing"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// TestAccUserImportJob_exampleRunsAsDocumented applies the example of the
// data source's documentation against the local endpoint, then checks that
// its postcondition stops a run once the job has started.
func TestAccUserImportJob_exampleRunsAsDocumented(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	job := cognitolocal.GenerateJobs(testPoolID, 8, newest)[7]
	if job.Status != cognitolocal.StatusCreated {
		t.Fatalf("the test expects the eighth generated job to be Created, it is %s", job.Status)
	}
	job.JobId, job.JobName = "import-Lp0Ks9Jd3F", "customers-batch-5"
	job.PreSignedUrl = cognitolocal.PreSignedURL(testPoolID, job.JobId)
	e.AddJobs(testPoolID, job)

	w := acctest.NewWorkspace(t, filepath.Join("..", "..", "examples", "data-sources",
		"cognito_user_import_job"))
	exampleProvider(t, w, e)

	w.MustRun("init", "-no-color")
	w.MustRun("apply", "-no-color", "-auto-approve")

	outputs := w.Outputs()
	assertSecretOutput(t, "upload_url", outputs["upload_url"], job.PreSignedUrl)
	assertJSONEqual(t, "next_batch", outputs["next_batch"], map[string]string{
		"name":          "customers-batch-5",
		"status":        "Created",
		"creation_date": "2026-11-19T10:08:00Z",
	})

	// Once the job has started, it takes no file, and the run stops.
	job.Status = cognitolocal.StatusPending
	e.AddJobs(testPoolID, job)

	_, stderr, err := w.Run("plan", "-no-color")
	if err == nil || !errorPattern("Import job import-Lp0Ks9Jd3F is Pending, so it takes no file "+
		"any more.").MatchString(stderr) {
		t.Errorf("expected the plan to stop at the example's postcondition once the job "+
			"started; it ended with %v, stderr:\n%s", err, stderr)
	}
}
