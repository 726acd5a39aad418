package importjobs_test

import (
	"bytes"
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// importBatch does what the upload step of a migration pipeline does with
// a CSV file: it creates an import job, uploads the file to the job's
// presigned URL and starts the job. It returns the job's id.
func importBatch(t *testing.T, e *acctest.Endpoint, name string, file []byte) string {
	t.Helper()
	ctx := context.Background()
	client := e.Client()

	created, err := client.CreateUserImportJob(ctx, &cip.CreateUserImportJobInput{
		JobName:               aws.String(name),
		UserPoolId:            aws.String(testPoolID),
		CloudWatchLogsRoleArn: aws.String("arn:aws:iam::123456789012:role/CognitoImportLogs"),
	})
	if err != nil {
		t.Fatalf("creating the import job of %s: %v", name, err)
	}
	jobID := aws.ToString(created.UserImportJob.JobId)

	req, err := http.NewRequestWithContext(ctx, http.MethodPut,
		aws.ToString(created.UserImportJob.PreSignedUrl), bytes.NewReader(file))
	if err != nil {
		t.Fatalf("uploading the file of %s: %v", name, err)
	}
	req.Header.Set("X-Amz-Server-Side-Encryption", "aws:kms")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		// The error names the URL, a credential: leave it out.
		t.Fatalf("uploading the file of %s failed", name)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("uploading the file of %s: status %d, expected 200", name, resp.StatusCode)
	}

	_, err = client.StartUserImportJob(ctx, &cip.StartUserImportJobInput{
		UserPoolId: aws.String(testPoolID),
		JobId:      aws.String(jobID),
	})
	if err != nil {
		t.Fatalf("starting the import job of %s: %v", name, err)
	}

	return jobID
}

// TestAccNextImportBatch_gatesTheUploadOnTheNewestJob runs the composed
// example of examples/next-import-batch as the step of a migration
// pipeline before each batch, with the batches imported between the runs
// through the endpoint, from files that start with the example's
// csv_header_line.
func TestAccNextImportBatch_gatesTheUploadOnTheNewestJob(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	clock := cognitolocal.NewManualClock(newest)
	e.SetClock(clock)
	header := []string{"name", "email", "email_verified", "custom:department", "cognito:mfa_enabled",
		"cognito:username"}
	e.SetCSVHeader(testPoolID, header)

	w := acctest.NewWorkspace(t, filepath.Join("..", "..", "examples", "next-import-batch"))
	w.Setenv("AWS_ACCESS_KEY_ID", cognitolocal.DefaultCredential.AccessKeyID)
	w.Setenv("AWS_SECRET_ACCESS_KEY", cognitolocal.DefaultCredential.SecretAccessKey)
	w.Setenv("AWS_PROFILE", "")
	w.Setenv("AWS_SESSION_TOKEN", "")
	endpoint := "endpoint=" + e.URL
	w.MustRun("init", "-no-color")

	// A pool without jobs: the first batch has nothing to wait for.
	stdout := w.MustRun("apply", "-no-color", "-auto-approve", "-var", endpoint)
	outputs := w.Outputs()
	headerLine := strings.Join(header, ",")
	assertJSONEqual(t, "csv_header_line", outputs["csv_header_line"], headerLine)
	// Terraform keeps no null output, so newest_job is absent.
	if raw, ok := outputs["newest_job"]; ok {
		t.Errorf("output newest_job is %s, expected null for a pool without jobs", raw)
	}
	if strings.Contains(stdout, "Check block assertion failed") {
		t.Errorf("expected no warning for a pool without jobs, the apply said:\n%s", stdout)
	}

	// The first batch, written under the example's header line: three
	// users, and one row without a user name, which fails.
	first := importBatch(t, e, "customers-batch-1", []byte(headerLine+"\n"+
		"Ana Lima,ana@example.com,true,sales,false,ana\n"+
		"Bo Chen,bo@example.com,true,support,false,bo\n"+
		"Cy Diaz,cy@example.com,false,sales,false,cy\n"+
		"No Name,nobody@example.com,false,sales,false,\n"))

	// While it runs, the gate is shut.
	_, stderr, err := w.Run("plan", "-no-color", "-var", endpoint)
	if err == nil || !errorPattern("The newest import job of the pool, customers-batch-1 ("+
		first+"), is Pending: import the next batch once it has succeeded.").MatchString(stderr) {
		t.Errorf("expected the gate to stop the run while the first batch is pending; it ended "+
			"with %v, stderr:\n%s", err, stderr)
	}

	// Once it has succeeded, the gate opens, and the check warns of the
	// user it left behind.
	clock.Advance(cognitolocal.DefaultLifecycle.PendingFor + cognitolocal.DefaultLifecycle.ImportFor)
	stdout = w.MustRun("apply", "-no-color", "-auto-approve", "-var", endpoint)
	assertJSONEqual(t, "newest_job", w.Outputs()["newest_job"], map[string]any{
		"job_id":         first,
		"job_name":       "customers-batch-1",
		"status":         "Succeeded",
		"imported_users": 3,
		"failed_users":   1,
	})
	if !errorPattern("Warning: Check block assertion failed", "The newest import job of the pool, "+
		"customers-batch-1, left users behind: 1 failed to import and 0 were skipped.").MatchString(stdout) {
		t.Errorf("expected the check to warn of the failed user, the apply said:\n%s", stdout)
	}

	// A batch whose file does not start with the pool's header fails, and
	// the gate shuts again.
	second := importBatch(t, e, "customers-batch-2", []byte("username,email\ndee,dee@example.com\n"))
	clock.Advance(cognitolocal.DefaultLifecycle.PendingFor + cognitolocal.DefaultLifecycle.ImportFor)

	_, stderr, err = w.Run("plan", "-no-color", "-var", endpoint)
	if err == nil || !errorPattern("The newest import job of the pool, customers-batch-2 ("+
		second+"), is Failed").MatchString(stderr) {
		t.Errorf("expected the gate to stop the run after the second batch failed; it ended "+
			"with %v, stderr:\n%s", err, stderr)
	}
}
