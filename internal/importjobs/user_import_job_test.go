package importjobs

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

// describeAnswer answers DescribeUserImportJob with out and fails every
// other call, since the embedded API is nil.
type describeAnswer struct {
	API
	out *cip.DescribeUserImportJobOutput
}

func (d describeAnswer) DescribeUserImportJob(_ context.Context, _ *cip.DescribeUserImportJobInput,
	_ ...func(*cip.Options)) (*cip.DescribeUserImportJobOutput, error) {
	return d.out, nil
}

func TestFindUserImportJob_mapsTheRecordedAnswerLikeAListedJob(t *testing.T) {
	client := replay(t, answer{200, "describe.json"})

	job, err := findUserImportJob(context.Background(), client, nil, "eu-west-1_Qx7Zk2Lm9", "import-Lp0Ks9Jd3F")
	if err != nil {
		t.Fatal(err)
	}
	obj, diags := flattenJob(*job)
	if diags.HasError() {
		t.Fatal(diags)
	}

	// The same job as the second of list-page-1.json, mapped the same way.
	want := map[string]string{
		"job_name": `"spring-migration-batch-2"`, "job_id": `"import-Lp0Ks9Jd3F"`,
		"user_pool_id": `"eu-west-1_Qx7Zk2Lm9"`, "creation_date": `"2025-11-18T10:16:42.853Z"`,
		"start_date": `"2025-11-18T10:21:51.027Z"`, "completion_date": `"2025-11-18T10:24:58.602Z"`,
		"status": `"Succeeded"`, "cloud_watch_logs_role_arn": `"arn:aws:iam::123456789012:role/CognitoImportLogs"`,
		"imported_users": "4812", "skipped_users": "3", "failed_users": "41",
		"completion_message": `"Import Job Completed Successfully."`,
	}
	attrs := obj.Attributes()
	if len(attrs) != len(want) {
		t.Errorf("the job has %d attributes, expected %d", len(attrs), len(want))
	}
	for name, expected := range want {
		if got := attrs[name].String(); got != expected {
			t.Errorf("%s is %s, expected %s", name, got, expected)
		}
	}
	if !strings.Contains(aws.ToString(job.PreSignedUrl), "X-Amz-Signature=") {
		t.Errorf("the job carries no presigned URL, expected the one of the answer")
	}
}

func TestFindUserImportJob_answerWithoutAJobIsAnError(t *testing.T) {
	api := describeAnswer{out: &cip.DescribeUserImportJobOutput{}}

	_, err := findUserImportJob(context.Background(), api, nil, "eu-west-1_Qx7Zk2Lm9", "import-Lp0Ks9Jd3F")

	if !errors.Is(err, errNoJobInAnswer) {
		t.Errorf("got error %v, expected errNoJobInAnswer", err)
	}
}

func TestCallErrorDetail_missingJobNamesOperationCodeAndJob(t *testing.T) {
	client := replay(t, answer{400, "error-not-found.json"})

	_, err := findUserImportJob(context.Background(), client, nil, "eu-west-1_Nope00000", "import-Lp0Ks9Jd3F")
	if err == nil {
		t.Fatal("expected an error for a missing pool")
	}

	detail := callErrorDetail(operationDescribeUserImportJob, err,
		jobNotFoundHint("eu-west-1_Nope00000", "import-Lp0Ks9Jd3F", "eu-west-1"))
	for _, want := range []string{
		"DescribeUserImportJob failed with ResourceNotFoundException: " +
			"User pool eu-west-1_Nope00000 does not exist.",
		"Check that user pool eu-west-1_Nope00000 exists in region eu-west-1",
		"import job import-Lp0Ks9Jd3F is one of its jobs",
	} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail %q does not say %q", detail, want)
		}
	}
}

func TestJobNotFoundHint_namesARegionMismatchFirst(t *testing.T) {
	hint := jobNotFoundHint("eu-west-1_Qx7Zk2Lm9", "import-Lp0Ks9Jd3F", "us-east-1")

	want := "The user pool id eu-west-1_Qx7Zk2Lm9 names region eu-west-1, but the provider is " +
		"configured for region us-east-1"
	if !strings.HasPrefix(hint, want) {
		t.Errorf("hint %q does not start with %q", hint, want)
	}
}

func TestJobErrorSummary_namesPoolAndJob(t *testing.T) {
	got := jobErrorSummary("eu-west-1_Qx7Zk2Lm9", "import-Lp0Ks9Jd3F")

	if want := "reading Cognito user import job (eu-west-1_Qx7Zk2Lm9/import-Lp0Ks9Jd3F)"; got != want {
		t.Errorf("summary is %q, expected %q", got, want)
	}
}
