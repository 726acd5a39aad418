package importjobs_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// presignedQuery matches the query string of a presigned URL, whatever
// job it belongs to.
var presignedQuery = regexp.MustCompile(`X-Amz-(Signature|Credential|Security-Token)=`)

func TestAccUserImportJobsSecurity_traceLogHoldsNoSecret(t *testing.T) {
	t.Parallel()

	temporary := cognitolocal.Credential{
		AccessKeyID:     "ASIACOGNITOLOCALTEMP",
		SecretAccessKey: "trace-test-secret-key-Q2hhbmdlTWU",
		SessionToken:    "trace-test-session-token-SXQncyBhIHRva2Vu",
	}
	e := acctest.NewEndpoint(t, temporary)
	jobs := cognitolocal.GenerateJobs(testPoolID, 120, newest)
	e.AddJobs(testPoolID, jobs...)

	w, logPath := loggedWorkspace(t, fmt.Sprintf(`
provider "cognito" {
  region     = %q
  endpoint   = %q
  access_key = %q
  secret_key = %q
  token      = %q
}

data "cognito_user_import_jobs" "test" {
  user_pool_id            = %q
  include_pre_signed_urls = true
}

output "newest_upload_url" {
  value     = data.cognito_user_import_jobs.test.pre_signed_urls[data.cognito_user_import_jobs.test.job_ids[0]]
  sensitive = true
}
`, acctest.Region, e.URL, temporary.AccessKeyID, temporary.SecretAccessKey, temporary.SessionToken,
		testPoolID), "TRACE")
	w.MustRun("init", "-no-color")
	stdout := w.MustRun("apply", "-no-color", "-auto-approve")

	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(raw)

	// The log is the provider's, at TRACE, over the whole read: its entry,
	// every page, and its exit.
	for _, want := range []string{"reading user import jobs", "read user import jobs"} {
		if n := len(logLines(t, logPath, want, "user_pool_id="+testPoolID)); n == 0 {
			t.Errorf("the log has no %q line for the pool: the read was not logged at TRACE", want)
		}
	}
	if n := len(logLines(t, logPath, "listed a page of user import jobs")); n != 3 {
		t.Errorf("the log has %d page lines, expected 3: the read was not logged whole", n)
	}
	for page, jobsOnPage := range []int{50, 50, 20} {
		fields := []string{"listed a page of user import jobs", fmt.Sprintf(" page=%d ", page+1),
			fmt.Sprintf(" jobs_on_page=%d ", jobsOnPage), " elapsed_ms=", "user_pool_id=" + testPoolID}
		if n := len(logLines(t, logPath, fields...)); n != 1 {
			t.Errorf("the log has %d lines with each of %q, expected 1", n, fields)
		}
	}

	secrets := map[string]string{
		"the secret key":    temporary.SecretAccessKey,
		"the session token": temporary.SessionToken,
	}
	for _, job := range jobs {
		_, query, _ := strings.Cut(job.PreSignedUrl, "?")
		secrets["the presigned URL query of "+job.JobId] = query
	}
	for what, secret := range secrets {
		if strings.Contains(log, secret) {
			t.Errorf("the TRACE log holds %s (value withheld)", what)
		}
		if strings.Contains(stdout, secret) {
			t.Errorf("terraform apply printed %s (value withheld)", what)
		}
	}
	if presignedQuery.MatchString(log) {
		t.Errorf("the TRACE log holds a presigned URL's query string (it matches %s)", presignedQuery)
	}
}

func TestAccUserImportJobsSecurity_wrongSecretKeyIsRefusedAsAnAuthenticationError(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 3, newest)...)
	wrongSecret := "not-the-secret-key-of-this-access-key"

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: strings.Replace(e.ProviderConfig(), cognitolocal.DefaultCredential.SecretAccessKey,
				wrongSecret, 1) + fmt.Sprintf(`
data "cognito_user_import_jobs" "test" {
  user_pool_id = %q
}
`, testPoolID),
			ExpectError: errorPattern("Error: listing Cognito user import jobs ("+testPoolID+")",
				"ListUserImportJobs failed on page 1 with InvalidSignatureException:",
				"AWS refused the request's credentials"),
		}},
	})

	// The endpoint checked the signature and refused it, once: a refused
	// signature is not retried.
	calls := e.CallAttempts(listOperation)
	if len(calls) == 0 {
		t.Fatal("the endpoint saw no ListUserImportJobs call")
	}
	for i, call := range calls {
		got := faults(call)
		if fmt.Sprint(got) != "[InvalidSignatureException]" {
			t.Errorf("call %d had attempts %v, expected one refused with InvalidSignatureException", i+1, got)
		}
		if call[0].AccessKeyID != cognitolocal.DefaultCredential.AccessKeyID {
			t.Errorf("call %d was signed with access key %q, expected the configured one",
				i+1, call[0].AccessKeyID)
		}
	}
}

func TestAccUserImportJobsSecurity_httpsEndpointIsSpokenToOverTLS(t *testing.T) {
	e, bundle := acctest.NewTLSEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 3, newest)
	e.AddJobs(testPoolID, jobs...)
	// The SDK trusts the endpoint's own certificate through the standard
	// variable; a process-wide setting, so this test runs alone.
	t.Setenv("AWS_CA_BUNDLE", bundle)

	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", jobIDsOutput),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("job_ids", knownvalue.ListExact(jobIDChecks(jobs))),
			},
		}},
	})

	// The endpoint serves nothing but TLS, so every request it answered
	// came encrypted.
	if !strings.HasPrefix(e.URL, "https://") || e.Calls(listOperation) == 0 {
		t.Errorf("expected the jobs to be read from %s over TLS; the endpoint saw %d calls",
			e.URL, e.Calls(listOperation))
	}
}

func TestAccUserImportJobsSecurity_httpsIsNeverDowngradedToPlainHTTP(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 3, newest)...)
	// The endpoint speaks plain HTTP only; the provider is told https://.
	httpsURL := strings.Replace(e.URL, "http://", "https://", 1)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: strings.Replace(e.ProviderConfig(), e.URL, httpsURL, 1) + fmt.Sprintf(`
data "cognito_user_import_jobs" "test" {
  user_pool_id = %q
}
`, testPoolID),
			ExpectError: errorPattern("ListUserImportJobs failed on page 1: the endpoint "+httpsURL+"/",
				"could not be reached (http: server gave HTTP response to HTTPS client)"),
		}},
	})

	if n := e.Requests(""); n != 0 {
		t.Errorf("the plain HTTP endpoint answered %d requests, expected none: the provider "+
			"must not fall back to plain HTTP", n)
	}
}

func TestAccUserImportJobsSecurity_onlySecretsAreSensitive(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 3, newest)
	e.AddJobs(testPoolID, jobs...)
	arguments := "include_pre_signed_urls = true"

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// One URL is as secret as the map it comes from.
				Config: jobsConfig(e, testPoolID, arguments, fmt.Sprintf(`
output "one_url" {
  value = data.cognito_user_import_jobs.test.pre_signed_urls[%q]
}
`, jobs[0].JobId)),
				ExpectError: regexp.MustCompile(`Output refers to sensitive values`),
			},
			{
				// The jobs, URLs asked for or not, hold no secret: they go to
				// an unmarked output whole.
				Config: jobsConfig(e, testPoolID, arguments, `
output "jobs" {
  value = data.cognito_user_import_jobs.test.jobs
}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("jobs", knownvalue.ListSizeExact(len(jobs))),
				},
			},
		},
	})
}

// TestAccUserImportJobsSecurity_uploadStepGetsOneURLAndLeaksItNowhere applies the
// upload step that the README shows: it hands the newest waiting job's URL
// to curl, which PUTs a file to it, as a user's pipeline would.
func TestAccUserImportJobsSecurity_uploadStepGetsOneURLAndLeaksItNowhere(t *testing.T) {
	t.Parallel()

	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("the upload step runs curl, which is not installed")
	}
	example := filepath.Join("..", "..", "examples", "upload-step")
	assertInREADME(t, filepath.Join(example, "main.tf"))

	e := acctest.NewEndpoint(t)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{})
	cred := cognitolocal.DefaultCredential
	client := cip.New(cip.Options{
		Region:       acctest.Region,
		BaseEndpoint: aws.String(e.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(cred.AccessKeyID, cred.SecretAccessKey, ""),
	})
	w := acctest.NewWorkspace(t, example)
	for name, content := range map[string]string{
		"provider.tf": e.ProviderConfig(),
		"users.csv":   "name,email,email_verified,cognito:username\nAda,ada@example.com,true,ada\n",
	} {
		if err := os.WriteFile(filepath.Join(w.Dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	w.MustRun("init", "-no-color")

	// With no job waiting for its file, the step stops at plan time.
	_, stderr, err := w.Run("plan", "-no-color")
	if want := "No import job of user pool " + testPoolID + " waits for its file"; err == nil ||
		!strings.Contains(strings.Join(strings.Fields(stderr), " "), want) {
		t.Fatalf("plan with no job waiting: got error %v and stderr:\n%s\nexpected it to fail with %q",
			err, stderr, want)
	}

	created, err := client.CreateUserImportJob(context.Background(), &cip.CreateUserImportJobInput{
		JobName:               aws.String("customers-batch-1"),
		UserPoolId:            aws.String(testPoolID),
		CloudWatchLogsRoleArn: aws.String("arn:aws:iam::123456789012:role/CognitoImportLogs"),
	})
	if err != nil {
		t.Fatal(err)
	}
	job := created.UserImportJob
	stdout := w.MustRun("apply", "-no-color", "-auto-approve")

	// The file reached the job: the endpoint took the PUT, and the job can
	// start, which it refuses without one.
	var uploads []string
	for _, req := range e.RequestLog() {
		if req.Operation == "PutObject" {
			uploads = append(uploads, req.JobID+" "+req.ErrorCode)
		}
	}
	if fmt.Sprint(uploads) != fmt.Sprintf("[%s ]", aws.ToString(job.JobId)) {
		t.Errorf("the endpoint saw uploads %v, expected one accepted upload to %s",
			uploads, aws.ToString(job.JobId))
	}
	if _, err := client.StartUserImportJob(context.Background(), &cip.StartUserImportJobInput{
		UserPoolId: aws.String(testPoolID), JobId: job.JobId,
	}); err != nil {
		t.Errorf("the job does not start after the upload step: %v", err)
	}

	_, query, _ := strings.Cut(aws.ToString(job.PreSignedUrl), "?")
	if strings.Contains(stdout, query) || presignedQuery.MatchString(stdout) {
		t.Error("terraform apply printed the presigned URL (value withheld)")
	}
}

// assertInREADME fails the test unless the README shows the file as it is.
func assertInREADME(t *testing.T, path string) {
	t.Helper()

	example, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), string(example)) {
		t.Errorf("README.md does not show %s as it is: copy the file into it again", path)
	}
}

func TestAccOneCallReadsSecurity_traceLogShowsEachReadAndNoURL(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 1, newest)
	e.AddJobs(testPoolID, jobs...)

	w, logPath := loggedWorkspace(t, e.ProviderConfig()+fmt.Sprintf(`
data "cognito_user_import_job" "test" {
  user_pool_id           = %[1]q
  job_id                 = %[2]q
  include_pre_signed_url = true
}

data "cognito_user_pool_csv_header" "test" {
  user_pool_id = %[1]q
}

output "upload_url" {
  value     = data.cognito_user_import_job.test.pre_signed_url
  sensitive = true
}
`, testPoolID, jobs[0].JobId), "TRACE")
	w.MustRun("init", "-no-color")
	stdout := w.MustRun("apply", "-no-color", "-auto-approve")

	job := []string{"user_pool_id=" + testPoolID, "job_id=" + jobs[0].JobId}
	pool := []string{"user_pool_id=" + testPoolID}
	for _, want := range []struct {
		message string
		fields  []string
	}{
		{"reading user import job", job},
		{"described a user import job", append([]string{" elapsed_ms="}, job...)},
		{"read user import job", job},
		{"reading user pool CSV header", pool},
		{"read a user pool CSV header", append([]string{" elapsed_ms="}, pool...)},
		{"read user pool CSV header", pool},
	} {
		if n := len(logLines(t, logPath, append([]string{want.message + ":"}, want.fields...)...)); n != 1 {
			t.Errorf("the log has %d %q lines with %q, expected 1", n, want.message, want.fields)
		}
	}

	_, query, _ := strings.Cut(jobs[0].PreSignedUrl, "?")
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), query) || presignedQuery.MatchString(string(raw)) {
		t.Error("the TRACE log holds the job's presigned URL query string (value withheld)")
	}
	if strings.Contains(stdout, query) {
		t.Error("terraform apply printed the job's presigned URL query string (value withheld)")
	}

	// A read that fails logs its exit too, so that a TRACE log shows where
	// each read ended.
	failed, failedLog := loggedWorkspace(t, e.ProviderConfig()+fmt.Sprintf(`
data "cognito_user_import_job" "test" {
  user_pool_id = %q
  job_id       = "import-Missing0001"
}

data "cognito_user_pool_csv_header" "test" {
  user_pool_id = "eu-west-1_Nope00000"
}
`, testPoolID), "TRACE")
	failed.MustRun("init", "-no-color")
	if _, _, err := failed.Run("plan", "-no-color"); err == nil {
		t.Fatal("the plan of a missing job and a missing pool succeeded, expected it to fail")
	}
	for _, want := range []string{"failed to read user import job:", "failed to read user pool CSV header:"} {
		if n := len(logLines(t, failedLog, want)); n != 1 {
			t.Errorf("the log of the failed reads has %d %q lines, expected 1", n, want)
		}
	}
}
