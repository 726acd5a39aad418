package cognitolocal_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// awsCLI runs the AWS CLI against one endpoint with a configuration of its
// own, so that nothing of the machine's AWS setup takes part.
type awsCLI struct {
	path string
	url  string
	env  []string
}

// newAWSCLI finds the AWS CLI: the one COGNITO_AWSCLI names, or aws on
// PATH. Without it the test skips, unless COGNITO_REQUIRE_AWSCLI=1, as in
// CI, where a missing CLI is a failure.
func newAWSCLI(t *testing.T, url string, cred cognitolocal.Credential) *awsCLI {
	t.Helper()

	name := os.Getenv("COGNITO_AWSCLI")
	if name == "" {
		name = "aws"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("COGNITO_REQUIRE_AWSCLI") == "1" {
			t.Fatalf("the AWS CLI (%s) is not installed, and COGNITO_REQUIRE_AWSCLI=1 requires it: "+
				"run `make awscli`", name)
		}
		t.Skipf("the AWS CLI (%s) is not installed; `make awscli` installs Debian's", name)
	}

	dir := t.TempDir()
	config := filepath.Join(dir, "config")
	creds := filepath.Join(dir, "credentials")
	writeTestFile(t, config, "[default]\nregion = eu-west-1\noutput = json\ncli_timestamp_format = iso8601\n")
	writeTestFile(t, creds, "[default]\naws_access_key_id = "+cred.AccessKeyID+
		"\naws_secret_access_key = "+cred.SecretAccessKey+"\n")

	var env []string
	for _, v := range os.Environ() {
		if !strings.HasPrefix(v, "AWS_") && !strings.HasPrefix(v, "TZ=") {
			env = append(env, v)
		}
	}
	env = append(env, "AWS_CONFIG_FILE="+config, "AWS_SHARED_CREDENTIALS_FILE="+creds,
		"AWS_DEFAULT_REGION=eu-west-1", "AWS_PAGER=", "AWS_EC2_METADATA_DISABLED=true", "TZ=UTC")

	return &awsCLI{path: path, url: url, env: env}
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()

	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// run runs `aws cognito-idp <command> <args>` and decodes its JSON output
// into out.
func (c *awsCLI) run(t *testing.T, out any, command string, args ...string) {
	t.Helper()

	argv := append([]string{"cognito-idp", command, "--endpoint-url", c.url, "--output", "json"}, args...)
	cmd := exec.Command(c.path, argv...)
	cmd.Env = c.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("aws cognito-idp %s: %v\n%s", command, err, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		t.Fatalf("aws cognito-idp %s printed what is not JSON: %v", command, err)
	}
}

// cliJob is a job as the AWS CLI prints it, timestamps in ISO 8601.
type cliJob struct {
	JobName, JobId, UserPoolId, PreSignedUrl, Status string
	CloudWatchLogsRoleArn, CompletionMessage         string
	CreationDate, StartDate, CompletionDate          string
	ImportedUsers, SkippedUsers, FailedUsers         int64
}

type cliJobAnswer struct{ UserImportJob cliJob }

// sdkJob is the job as the SDK would have decoded it, for comparing.
func (j cliJob) sdkJob(t *testing.T) types.UserImportJobType {
	t.Helper()

	when := func(text string) *time.Time {
		if text == "" {
			return nil
		}
		at, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			t.Fatalf("the CLI printed the timestamp %q, expected ISO 8601: %v", text, err)
		}
		return &at
	}
	optional := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}

	return types.UserImportJobType{
		JobName: optional(j.JobName), JobId: optional(j.JobId), UserPoolId: optional(j.UserPoolId),
		PreSignedUrl: optional(j.PreSignedUrl), Status: types.UserImportJobStatusType(j.Status),
		CloudWatchLogsRoleArn: optional(j.CloudWatchLogsRoleArn), CompletionMessage: optional(j.CompletionMessage),
		CreationDate: when(j.CreationDate), StartDate: when(j.StartDate), CompletionDate: when(j.CompletionDate),
		ImportedUsers: j.ImportedUsers, SkippedUsers: j.SkippedUsers, FailedUsers: j.FailedUsers,
	}
}

func TestAWSCLI_drivesEveryOperationAndListsWhatTheSDKLists(t *testing.T) {
	s := cognitolocal.New()
	s.AddJobs(poolID, cognitolocal.GenerateJobs(poolID, 8, newest)...)
	// The clock stands still, so that the started job is Pending for
	// both clients however slowly the CLI runs.
	s.SetClock(cognitolocal.NewManualClock(newest.Add(time.Hour)))
	url := serve(t, s)
	cli := newAWSCLI(t, url, cognitolocal.DefaultCredential)
	sdk := clientOf(url, cognitolocal.DefaultCredential, "eu-west-1")

	var created cliJobAnswer
	cli.run(t, &created, "create-user-import-job", "--user-pool-id", poolID,
		"--job-name", "cli batch 1", "--cloud-watch-logs-role-arn", logsRole)
	job := created.UserImportJob
	if job.Status != "Created" || job.JobName != "cli batch 1" || !strings.HasPrefix(job.JobId, "import-") {
		t.Fatalf("the CLI created a %s job %q named %q, expected a Created import- job named \"cli batch 1\"",
			job.Status, job.JobId, job.JobName)
	}
	if code, s3Code := put(t, job.PreSignedUrl, importFile, true); code != http.StatusOK {
		t.Fatalf("uploading to the URL the CLI printed answered %d %s, expected 200", code, s3Code)
	}

	var started, described cliJobAnswer
	cli.run(t, &started, "start-user-import-job", "--user-pool-id", poolID, "--job-id", job.JobId)
	cli.run(t, &described, "describe-user-import-job", "--user-pool-id", poolID, "--job-id", job.JobId)
	if started.UserImportJob.Status != "Pending" || described.UserImportJob.StartDate == "" {
		t.Errorf("the CLI started a job that is %s, described with start date %q; expected Pending and a date",
			started.UserImportJob.Status, described.UserImportJob.StartDate)
	}
	sdkDescribed, err := sdk.DescribeUserImportJob(context.Background(), &cip.DescribeUserImportJobInput{
		UserPoolId: aws.String(poolID), JobId: aws.String(job.JobId),
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := jobDifference(described.UserImportJob.sdkJob(t), *sdkDescribed.UserImportJob); diff != "" {
		t.Errorf("the CLI and the SDK describe job %s differently, in %s", job.JobId, diff)
	}

	compareListings(t, cli, sdk)
	s.SetFaults(cognitolocal.Faults{ExponentTimestamps: true})
	compareListings(t, cli, sdk)
	s.SetFaults(cognitolocal.Faults{})

	var stopped cliJobAnswer
	cli.run(t, &stopped, "stop-user-import-job", "--user-pool-id", poolID, "--job-id", job.JobId)
	if stopped.UserImportJob.Status != "Stopping" {
		t.Errorf("the CLI stopped a job that is %s, expected Stopping", stopped.UserImportJob.Status)
	}

	var header struct {
		UserPoolId string
		CSVHeader  []string
	}
	cli.run(t, &header, "get-csv-header", "--user-pool-id", poolID)
	sdkHeader, err := sdk.GetCSVHeader(context.Background(), &cip.GetCSVHeaderInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		t.Fatal(err)
	}
	if header.UserPoolId != poolID || !slices.Equal(header.CSVHeader, sdkHeader.CSVHeader) ||
		!slices.Contains(header.CSVHeader, "cognito:username") {
		t.Errorf("the CLI got header %v of %s, the SDK %v; expected the same header, with cognito:username",
			header.CSVHeader, header.UserPoolId, sdkHeader.CSVHeader)
	}
}

// compareListings lists the pool page by page, three jobs a page, with the
// CLI and with the SDK, and fails unless both read the same pages.
func compareListings(t *testing.T, cli *awsCLI, sdk *cip.Client) {
	t.Helper()

	var cliPages [][]types.UserImportJobType
	token := ""
	for range 10 {
		args := []string{"--user-pool-id", poolID, "--max-results", "3"}
		if token != "" {
			args = append(args, "--pagination-token", token)
		}
		var page struct {
			UserImportJobs  []cliJob
			PaginationToken string
		}
		cli.run(t, &page, "list-user-import-jobs", args...)

		var jobs []types.UserImportJobType
		for _, job := range page.UserImportJobs {
			jobs = append(jobs, job.sdkJob(t))
		}
		cliPages = append(cliPages, jobs)
		if token = page.PaginationToken; token == "" {
			break
		}
	}

	var sdkPages [][]types.UserImportJobType
	var next *string
	for range 10 {
		out, err := listPage(sdk, 3, next)
		if err != nil {
			t.Fatal(err)
		}
		sdkPages = append(sdkPages, out.UserImportJobs)
		if next = out.PaginationToken; aws.ToString(next) == "" {
			break
		}
	}

	if len(cliPages) != len(sdkPages) || len(cliPages) != 3 {
		t.Fatalf("the CLI read %d pages and the SDK %d, expected both the 3 pages of 9 jobs",
			len(cliPages), len(sdkPages))
	}
	for i := range cliPages {
		if len(cliPages[i]) != len(sdkPages[i]) {
			t.Errorf("page %d holds %d jobs for the CLI and %d for the SDK", i+1, len(cliPages[i]), len(sdkPages[i]))
			continue
		}
		for j := range cliPages[i] {
			if diff := jobDifference(cliPages[i][j], sdkPages[i][j]); diff != "" {
				t.Errorf("page %d, job %s: the CLI and the SDK differ in %s",
					i+1, strconv.Quote(aws.ToString(sdkPages[i][j].JobId)), diff)
			}
		}
	}
}
