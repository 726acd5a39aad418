package importjobs_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// TestAccUserImportJobs_exampleRunsAsDocumented applies the example that
// the data source's documentation shows, as a user would copy it, against
// the local endpoint, then checks that its gate stops a run once the newest
// job has failed.
func TestAccUserImportJobs_exampleRunsAsDocumented(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 80, newest)
	for i := range jobs {
		team := "customers"
		if i%2 == 1 {
			team = "staff"
		}
		jobs[i].JobName = fmt.Sprintf("%s-batch-%d", team, len(jobs)-i)
	}
	e.AddJobs(testPoolID, jobs...)

	w := acctest.NewWorkspace(t, filepath.Join("..", "..", "examples", "data-sources",
		"cognito_user_import_jobs"))
	// The example leaves the provider to the page around it; the test gives
	// one that points at the endpoint.
	provider := `
terraform {
  required_providers {
    cognito = {
      source = "cognito-tf/cognito"
    }
  }
}
` + e.ProviderConfig()
	if err := os.WriteFile(filepath.Join(w.Dir, "provider.tf"), []byte(provider), 0o600); err != nil {
		t.Fatal(err)
	}

	w.MustRun("init", "-no-color")
	w.MustRun("apply", "-no-color", "-auto-approve")

	var failedNames []string
	for _, job := range keep(jobs, inStatuses("Failed")) {
		failedNames = append(failedNames, job.JobName)
	}
	customerBatches := regexp.MustCompile(`^customers-batch-[0-9]+$`)
	var endedCustomerIDs []string
	for _, job := range keep(jobs, func(job cognitolocal.Job) bool {
		return inStatuses("Succeeded", "Failed", "Stopped")(job) &&
			customerBatches.MatchString(job.JobName)
	})[:10] {
		endedCustomerIDs = append(endedCustomerIDs, job.JobId)
	}
	outputs := w.Outputs()
	assertJSONEqual(t, "failed_imports", outputs["failed_imports"], failedNames)
	assertJSONEqual(t, "ended_customer_batch_ids", outputs["ended_customer_batch_ids"],
		endedCustomerIDs)

	// A newer job that failed closes the gate at the next plan.
	failed := jobs[1]
	if failed.Status != "Failed" {
		t.Fatalf("the test expects the second generated job to be Failed, it is %s", failed.Status)
	}
	failed.JobId, failed.JobName = "import-GateShut01", "customers-batch-81"
	failed.CreationDate = cognitolocal.NewEpochTime(newest.Add(time.Minute))
	e.AddJobs(testPoolID, failed)

	_, stderr, err := w.Run("plan", "-no-color")
	if err == nil || !strings.Contains(stderr, "The newest user import job of the pool has not succeeded.") {
		t.Errorf("expected the plan to stop at the example's postcondition once the newest "+
			"job failed; it ended with %v, stderr:\n%s", err, stderr)
	}
}
