package importjobs

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// answer is a recorded answer of the service, replayed byte for byte.
type answer struct {
	status int
	file   string
}

// replay serves the answers of testdata/answers in order, one per request,
// so that the SDK decodes exactly what the service sends.
func replay(t *testing.T, answers ...answer) *cip.Client {
	t.Helper()

	next := 0
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if next >= len(answers) {
			t.Errorf("unexpected request %d", next+1)
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		a := answers[next]
		next++

		body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "answers", a.file))
		if err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(a.status)
		_, _ = w.Write(body)
	}))
	t.Cleanup(server.Close)

	return cip.New(cip.Options{
		Region:           "eu-west-1",
		BaseEndpoint:     aws.String(server.URL),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDTEST", "secret", ""),
		RetryMaxAttempts: 1,
	})
}

func listAll(t *testing.T, client API) ([]types.UserImportJobType, error) {
	t.Helper()

	var jobs []types.UserImportJobType
	err := jobLister{api: client}.each(context.Background(), "eu-west-1_Qx7Zk2Lm9",
		func(job types.UserImportJobType) bool {
			jobs = append(jobs, job)
			return true
		})
	return jobs, err
}

func TestFlattenJobs_mapsRecordedAnswersAttributeByAttribute(t *testing.T) {
	client := replay(t, answer{200, "list-page-1.json"}, answer{200, "list-page-2.json"})

	jobs, err := listAll(t, client)
	if err != nil {
		t.Fatal(err)
	}
	list, diags := flattenJobs(jobs)
	if diags.HasError() {
		t.Fatal(diags)
	}

	want := []map[string]string{
		{
			"job_name": `"spring-migration-batch-3"`, "job_id": `"import-Tn4Wq8Rb2Y"`,
			"user_pool_id": `"eu-west-1_Qx7Zk2Lm9"`, "creation_date": `"2025-11-19T10:15:00.417Z"`,
			"start_date": "<null>", "completion_date": "<null>", "status": `"Created"`,
			"cloud_watch_logs_role_arn": `"arn:aws:iam::123456789012:role/CognitoImportLogs"`,
			"imported_users":            "0", "skipped_users": "0", "failed_users": "0", "completion_message": "<null>",
		},
		{
			"job_name": `"spring-migration-batch-2"`, "job_id": `"import-Lp0Ks9Jd3F"`,
			"user_pool_id": `"eu-west-1_Qx7Zk2Lm9"`, "creation_date": `"2025-11-18T10:16:42.853Z"`,
			"start_date": `"2025-11-18T10:21:51.027Z"`, "completion_date": `"2025-11-18T10:24:58.602Z"`,
			"status": `"Succeeded"`, "cloud_watch_logs_role_arn": `"arn:aws:iam::123456789012:role/CognitoImportLogs"`,
			"imported_users": "4812", "skipped_users": "3", "failed_users": "41",
			"completion_message": `"Import Job Completed Successfully."`,
		},
		{
			"job_name": `"spring-migration-batch-1"`, "job_id": `"import-Hg7Fd6Sa5Q"`,
			"user_pool_id": `"eu-west-1_Qx7Zk2Lm9"`, "creation_date": `"2025-11-15T10:05:00Z"`,
			"start_date": "<null>", "completion_date": `"2025-11-17T10:08:32.5Z"`, "status": `"Expired"`,
			"cloud_watch_logs_role_arn": `"arn:aws:iam::123456789012:role/CognitoImportLogs"`,
			"imported_users":            "0", "skipped_users": "0", "failed_users": "0",
			"completion_message": `"The user import job has expired."`,
		},
		{
			"job_name": `"pilot users"`, "job_id": `"import-Zx1Cv2Bn3M"`,
			"user_pool_id": `"eu-west-1_Qx7Zk2Lm9"`, "creation_date": `"2025-10-19T19:00:00Z"`,
			"start_date": `"2025-10-19T19:05:12.09Z"`, "completion_date": `"2025-10-19T19:09:10.71Z"`,
			"status": `"Failed"`, "cloud_watch_logs_role_arn": `"arn:aws:iam::123456789012:role/CognitoImportLogs"`,
			"imported_users": "120", "skipped_users": "0", "failed_users": "7",
			"completion_message": `"Too many users have failed or been skipped during the import."`,
		},
	}

	elems := list.Elements()
	if len(elems) != len(want) {
		t.Fatalf("mapped %d jobs, expected %d", len(elems), len(want))
	}
	for i, elem := range elems {
		attrs := elem.(basetypes.ObjectValue).Attributes() //nolint:forcetypeassert // The list holds objects.
		if len(attrs) != len(want[i]) {
			t.Errorf("job %d has %d attributes, expected %d", i, len(attrs), len(want[i]))
		}
		for name, expected := range want[i] {
			if got := attrs[name].String(); got != expected {
				t.Errorf("job %d: %s is %s, expected %s", i, name, got, expected)
			}
		}
	}
}

func TestFlattenJobs_noJobsGiveAnEmptyListNotNull(t *testing.T) {
	client := replay(t, answer{200, "list-empty.json"})

	jobs, err := listAll(t, client)
	if err != nil {
		t.Fatal(err)
	}
	list, diags := flattenJobs(jobs)

	if diags.HasError() || list.IsNull() || len(list.Elements()) != 0 {
		t.Fatalf("got %s (diagnostics %v), expected an empty, non-null list", list, diags)
	}
}

func TestPreSignedURLs_onlyOnRequest(t *testing.T) {
	client := replay(t, answer{200, "list-page-1.json"}, answer{200, "list-page-2.json"})
	jobs, err := listAll(t, client)
	if err != nil {
		t.Fatal(err)
	}

	off, _ := preSignedURLs(jobs, false)
	if !off.IsNull() {
		t.Errorf("pre_signed_urls is not null without include_pre_signed_urls")
	}

	on, diags := preSignedURLs(jobs, true)
	if diags.HasError() {
		t.Fatal(diags)
	}
	urls := on.Elements()
	if len(urls) != len(jobs) {
		t.Fatalf("got %d URLs, expected one for each of %d jobs", len(urls), len(jobs))
	}
	for _, job := range jobs {
		got, ok := urls[aws.ToString(job.JobId)].(basetypes.StringValue)
		if !ok || got.ValueString() != aws.ToString(job.PreSignedUrl) {
			t.Errorf("the URL of %s is missing or not the one the service gave", aws.ToString(job.JobId))
		}
	}
}

func TestListErrorDetail_notFoundNamesPoolCodeAndRegion(t *testing.T) {
	client := replay(t, answer{400, "error-not-found.json"})

	_, err := listAll(t, client)
	if err == nil {
		t.Fatal("expected an error for a missing pool")
	}

	detail := listErrorDetail(err, "eu-west-1_Nope00000", "us-east-1")
	for _, want := range []string{
		"ListUserImportJobs failed on page 1 with ResourceNotFoundException: User pool eu-west-1_Nope00000 does not exist.",
		"names region eu-west-1, but the provider is configured for region us-east-1",
	} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail %q does not say %q", detail, want)
		}
	}
}

func TestJobAttrTypes_matchTheSchema(t *testing.T) {
	// Every attribute a job shows must be in the element type, with no
	// extra: flattenJob would fail at run time otherwise.
	job, diags := flattenJob(types.UserImportJobType{})
	if diags.HasError() {
		t.Fatal(diags)
	}
	var names []string
	for name := range job.Attributes() {
		names = append(names, name)
	}
	if len(names) != len(jobAttributes()) {
		t.Errorf("a job has attributes %v, expected the %d of the schema", names, len(jobAttributes()))
	}
}
