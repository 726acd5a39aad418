package cognitolocal_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

const poolID = "eu-west-1_Local0001"

var newest = time.Date(2026, 11, 19, 10, 15, 0, 0, time.UTC)

// start serves s on a free loopback port and returns an SDK client signing
// with cred in region.
func start(t *testing.T, s *cognitolocal.Server, cred cognitolocal.Credential, region string) *cip.Client {
	t.Helper()

	return clientOf(serve(t, s), cred, region)
}

// serve serves s on a free loopback port until the test ends and returns
// its URL.
func serve(t *testing.T, s *cognitolocal.Server) string {
	t.Helper()

	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts.URL
}

// clientOf is an SDK client of the endpoint at url, signing with cred in
// region, that lets every answer of the endpoint reach the test. It
// retries only a connection its transport closed under it while reading
// an answer, which the SDK is known to do now and then
// (aws/aws-sdk-go-v2#2737); tests that count faults used up therefore send
// their requests with rawCall.
func clientOf(url string, cred cognitolocal.Credential, region string) *cip.Client {
	return cip.New(cip.Options{
		Region:       region,
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider(cred.AccessKeyID, cred.SecretAccessKey, cred.SessionToken),
		Retryer:      connectionRetries(),
	})
}

// connectionRetries retries nothing but a closed connection.
func connectionRetries() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Retryables = []retry.IsErrorRetryable{retry.RetryableConnectionError{}}
		o.RateLimiter = ratelimit.None
	})
}

func listPage(client *cip.Client, maxResults int32, token *string) (*cip.ListUserImportJobsOutput, error) {
	return client.ListUserImportJobs(context.Background(), &cip.ListUserImportJobsInput{
		UserPoolId: aws.String(poolID), MaxResults: aws.Int32(maxResults), PaginationToken: token,
	})
}

func errorCode(t *testing.T, err error) (string, string) {
	t.Helper()

	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("got %v, expected an API error", err)
	}
	return apiErr.ErrorCode(), apiErr.ErrorMessage()
}

func TestServer_pagesNewestFirstAtMost50AndNoTokenAfterTheLast(t *testing.T) {
	s := cognitolocal.New()
	jobs := cognitolocal.GenerateJobs(poolID, 120, newest)
	s.AddJobs(poolID, jobs...)
	client := start(t, s, cognitolocal.DefaultCredential, "eu-west-1")

	var ids []string
	var sizes []int
	var token *string
	for {
		out, err := listPage(client, 60, token)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(out.UserImportJobs))
		for _, job := range out.UserImportJobs {
			ids = append(ids, aws.ToString(job.JobId))
		}
		if out.PaginationToken == nil {
			break
		}
		token = out.PaginationToken
	}

	if len(sizes) != 3 || sizes[0] != 50 || sizes[1] != 50 || sizes[2] != 20 {
		t.Errorf("pages held %v jobs, expected [50 50 20]", sizes)
	}
	for i, job := range jobs {
		if ids[i] != job.JobId {
			t.Fatalf("job %d is %s, expected %s: jobs must come newest first", i, ids[i], job.JobId)
		}
	}
}

func TestServer_cursorSurvivesJobsCreatedBetweenPages(t *testing.T) {
	s := cognitolocal.New()
	s.AddJobs(poolID, cognitolocal.GenerateJobs(poolID, 60, newest)...)
	client := start(t, s, cognitolocal.DefaultCredential, "eu-west-1")

	first, err := listPage(client, 60, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Newer jobs arrive at the head of the list while the client pages.
	later := cognitolocal.GenerateJobs(poolID, 5, newest.Add(time.Hour))
	for i := range later {
		later[i].JobId = strings.Replace(later[i].JobId, "import-", "import-new", 1)
	}
	s.AddJobs(poolID, later...)
	second, err := listPage(client, 60, first.PaginationToken)
	if err != nil {
		t.Fatal(err)
	}

	seen := make(map[string]bool)
	for _, job := range append(first.UserImportJobs, second.UserImportJobs...) {
		id := aws.ToString(job.JobId)
		if seen[id] {
			t.Errorf("job %s listed twice", id)
		}
		seen[id] = true
	}
	if len(seen) != 60 {
		t.Errorf("listed %d distinct jobs, expected the 60 that existed when the listing began", len(seen))
	}
}

func TestServer_validatesMaxResultsInTheServicesWords(t *testing.T) {
	s := cognitolocal.New()
	s.AddPool(poolID, cognitolocal.PoolOptions{})
	client := start(t, s, cognitolocal.DefaultCredential, "eu-west-1")

	_, err := listPage(client, 75, nil)

	code, message := errorCode(t, err)
	want := "1 validation error detected: Value '75' at 'maxResults' failed to satisfy constraint: " +
		"Member must have value less than or equal to 60"
	if code != "InvalidParameterException" || message != want {
		t.Errorf("got %s: %s, expected InvalidParameterException: %s", code, message, want)
	}
}

func TestServer_missingPoolAndPoolOfAnotherRegionAreNotFound(t *testing.T) {
	s := cognitolocal.New()
	s.AddPool(poolID, cognitolocal.PoolOptions{})

	for region, id := range map[string]string{"eu-west-1": "eu-west-1_Nope00000", "us-east-1": poolID} {
		client := start(t, s, cognitolocal.DefaultCredential, region)
		_, err := client.ListUserImportJobs(context.Background(), &cip.ListUserImportJobsInput{
			UserPoolId: aws.String(id), MaxResults: aws.Int32(60),
		})

		code, message := errorCode(t, err)
		if code != "ResourceNotFoundException" || message != "User pool "+id+" does not exist." {
			t.Errorf("listing %s in %s: got %s: %s, expected ResourceNotFoundException", id, region, code, message)
		}
	}
}

func TestServer_rejectsBadSignatures(t *testing.T) {
	s := cognitolocal.New(cognitolocal.DefaultCredential, cognitolocal.Credential{
		AccessKeyID: "ASIATEMPORARY0001", SecretAccessKey: "temporary-secret", SessionToken: "session-token",
	})
	s.AddPool(poolID, cognitolocal.PoolOptions{})
	s.SetRegions("eu-west-1", "us-east-1")
	url := serve(t, s)
	known := cognitolocal.DefaultCredential.AccessKeyID

	for _, tc := range []struct {
		name   string
		cred   cognitolocal.Credential
		region string
		code   string
	}{
		{"unknown access key", cognitolocal.Credential{AccessKeyID: "AKIDUNKNOWN", SecretAccessKey: "x"},
			"eu-west-1", "UnrecognizedClientException"},
		{"wrong secret key", cognitolocal.Credential{AccessKeyID: known, SecretAccessKey: "wrong"},
			"eu-west-1", "InvalidSignatureException"},
		{"region the endpoint does not serve", cognitolocal.DefaultCredential,
			"ap-south-1", "InvalidSignatureException"},
		{"temporary key without its session token", cognitolocal.Credential{
			AccessKeyID: "ASIATEMPORARY0001", SecretAccessKey: "temporary-secret",
		}, "eu-west-1", "UnrecognizedClientException"},
		{"temporary key with another session token", cognitolocal.Credential{
			AccessKeyID: "ASIATEMPORARY0001", SecretAccessKey: "temporary-secret", SessionToken: "forged",
		}, "eu-west-1", "UnrecognizedClientException"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := listPage(clientOf(url, tc.cred, tc.region), 60, nil)

			if code, _ := errorCode(t, err); code != tc.code {
				t.Errorf("got %s, expected %s", code, tc.code)
			}
		})
	}

	temporary := cognitolocal.Credential{
		AccessKeyID: "ASIATEMPORARY0001", SecretAccessKey: "temporary-secret", SessionToken: "session-token",
	}
	if _, err := listPage(clientOf(url, temporary, "eu-west-1"), 60, nil); err != nil {
		t.Errorf("a temporary key with its session token was refused: %v", err)
	}
}

func TestServer_refusesASignatureForAnotherService(t *testing.T) {
	s := cognitolocal.New()
	s.AddPool(poolID, cognitolocal.PoolOptions{})

	got := rawCall(t, serve(t, s), "AWSCognitoIdentityProviderService.GetCSVHeader",
		`{"UserPoolId":"`+poolID+`"}`, cognitolocal.DefaultCredential, "cognito-identity")

	if got.code != "InvalidSignatureException" || !strings.Contains(got.message, "'cognito-idp'") {
		t.Errorf("got %s: %s, expected InvalidSignatureException naming cognito-idp", got.code, got.message)
	}
}

func TestServer_unsignedRequestIsMissingAuthentication(t *testing.T) {
	s := cognitolocal.New()
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)

	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, ts.URL,
		strings.NewReader(`{"UserPoolId":"`+poolID+`","MaxResults":60}`))
	req.Header.Set("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserImportJobs")
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()

	if resp.StatusCode != 400 || resp.Header.Get("X-Amzn-Errortype") != "MissingAuthenticationTokenException" {
		t.Errorf("got %d %s, expected 400 MissingAuthenticationTokenException",
			resp.StatusCode, resp.Header.Get("X-Amzn-Errortype"))
	}
}

func TestServer_exponentTimestampsDecodeToTheSameInstants(t *testing.T) {
	s := cognitolocal.New()
	jobs := cognitolocal.GenerateJobs(poolID, 9, newest)
	s.AddJobs(poolID, jobs...)
	s.AddPool(poolID, cognitolocal.PoolOptions{ExponentTimestamps: true})
	client := start(t, s, cognitolocal.DefaultCredential, "eu-west-1")

	out, err := listPage(client, 60, nil)
	if err != nil {
		t.Fatal(err)
	}

	for i, job := range out.UserImportJobs {
		if !aws.ToTime(job.CreationDate).Equal(jobs[i].CreationDate.Time) {
			t.Errorf("job %d was created at %s, expected %s", i, job.CreationDate, jobs[i].CreationDate)
		}
	}
}

func TestAddJobs_aJobIdRepeatedInOneBatchKeepsItsLastEntry(t *testing.T) {
	s := cognitolocal.New()
	jobs := cognitolocal.GenerateJobs(poolID, 3, newest)
	again := jobs[1]
	again.JobName = "the-last-entry"
	s.AddJobs(poolID, jobs[0], jobs[1], jobs[2], again)
	client := start(t, s, cognitolocal.DefaultCredential, "eu-west-1")

	listed := listAll(t, client)
	described, err := client.DescribeUserImportJob(context.Background(), &cip.DescribeUserImportJobInput{
		UserPoolId: aws.String(poolID), JobId: aws.String(jobs[1].JobId),
	})
	if err != nil {
		t.Fatal(err)
	}

	var ids []string
	for _, job := range listed {
		ids = append(ids, aws.ToString(job.JobId))
	}
	want := []string{jobs[0].JobId, jobs[1].JobId, jobs[2].JobId}
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Fatalf("the pool lists %v, expected %v: each job once", ids, want)
	}
	if got := aws.ToString(listed[1].JobName); got != "the-last-entry" {
		t.Errorf("the repeated job is listed as %q, expected its last entry's name", got)
	}
	if got := aws.ToString(described.UserImportJob.JobName); got != "the-last-entry" {
		t.Errorf("the repeated job is described as %q, expected its last entry's name, as listed", got)
	}
}

func TestAddJobs_aJobIdRepeatedInOneBatchCountsOnceTowardTheQuota(t *testing.T) {
	f := newLifecycleFixture(t)
	jobs := cognitolocal.GenerateJobs(poolID, cognitolocal.MaxJobsPerPool-1, newest)
	f.server.AddJobs(poolID, append(jobs, jobs[0])...)

	_, err := f.client.CreateUserImportJob(context.Background(), &cip.CreateUserImportJobInput{
		JobName: aws.String("the-1000th"), UserPoolId: aws.String(poolID), CloudWatchLogsRoleArn: aws.String(logsRole),
	})

	if err != nil {
		t.Errorf("creating the 1000th job gave %v, expected it created: the pool holds %d distinct jobs",
			err, cognitolocal.MaxJobsPerPool-1)
	}
}

// timestampMember matches a timestamp member of an answer and its number.
var timestampMember = regexp.MustCompile(`"(CreationDate|StartDate|CompletionDate)":([-0-9.eE+]+)`)

// timestampForms counts the timestamps of a raw answer by member and form,
// such as "CreationDate exponent" or "StartDate plain".
func timestampForms(body []byte) map[string]int {
	exponent := regexp.MustCompile(`^[1-9]\.[0-9]+E9$`)
	forms := make(map[string]int)
	for _, m := range timestampMember.FindAllSubmatch(body, -1) {
		form := "plain"
		if exponent.Match(m[2]) {
			form = "exponent"
		}
		forms[string(m[1])+" "+form]++
	}
	return forms
}

func TestListUserImportJobs_writesEveryTimestampInExponentFormOnTheWireWhenAsked(t *testing.T) {
	s := cognitolocal.New()
	// Nine generated jobs hold every status, and so every timestamp member.
	s.AddJobs(poolID, cognitolocal.GenerateJobs(poolID, 9, newest)...)
	url := serve(t, s)
	list := func() rawAnswer {
		return rawCall(t, url, "AWSCognitoIdentityProviderService.ListUserImportJobs",
			`{"UserPoolId":"`+poolID+`","MaxResults":60}`, cognitolocal.DefaultCredential, "cognito-idp")
	}

	plain := timestampForms(list().body)
	s.SetPoolFaults(poolID, cognitolocal.Faults{ExponentTimestamps: true})
	exponent := timestampForms(list().body)

	for _, member := range []string{"CreationDate", "StartDate", "CompletionDate"} {
		if plain[member+" plain"] == 0 || plain[member+" exponent"] != 0 {
			t.Errorf("by default the page holds %d plain and %d exponent %s members, expected only plain ones",
				plain[member+" plain"], plain[member+" exponent"], member)
		}
		if exponent[member+" exponent"] != plain[member+" plain"] || exponent[member+" plain"] != 0 {
			t.Errorf("under ExponentTimestamps the page holds %d exponent and %d plain %s members, "+
				"expected %d, all in the form 1.7...E9", exponent[member+" exponent"],
				exponent[member+" plain"], member, plain[member+" plain"])
		}
	}
}

func TestListUserImportJobs_tokenNamesThePoolTheLastJobAndItsCreationInMilliseconds(t *testing.T) {
	s := cognitolocal.New()
	jobs := cognitolocal.GenerateJobs(poolID, 5, newest.Add(853*time.Millisecond))
	s.AddJobs(poolID, jobs...)

	answer := rawCall(t, serve(t, s), "AWSCognitoIdentityProviderService.ListUserImportJobs",
		`{"UserPoolId":"`+poolID+`","MaxResults":2}`, cognitolocal.DefaultCredential, "cognito-idp")

	var page struct{ PaginationToken string }
	if err := json.Unmarshal(answer.body, &page); err != nil {
		t.Fatalf("the page is not JSON: %v", err)
	}
	last := jobs[1]
	want := poolID + "#" + last.JobId + "#" + strconv.FormatInt(last.CreationDate.UnixMilli(), 10)
	if page.PaginationToken != want {
		t.Errorf("the token is %q, expected %q: <pool>#<last job on the page>#<its CreationDate in "+
			"epoch milliseconds>, as the service's", page.PaginationToken, want)
	}
}

func TestServer_answersEachErrorWithTheServicesStatusAndNamesItTwice(t *testing.T) {
	const (
		full      = "eu-west-1_Full0001"
		throttled = "eu-west-1_Throttled1"
		failing   = "eu-west-1_Failing1"
		waiting   = "import-Waiting0001"
	)
	s := cognitolocal.New()
	s.AddJobs(poolID, cognitolocal.Job{JobId: waiting, CreationDate: cognitolocal.NewEpochTime(newest),
		Status: cognitolocal.StatusCreated})
	s.AddJobs(full, cognitolocal.GenerateJobs(full, cognitolocal.MaxJobsPerPool, newest)...)
	s.SetPoolFaults(throttled, cognitolocal.Faults{Throttle: cognitolocal.Always})
	s.SetPoolFaults(failing, cognitolocal.Faults{InternalErrors: cognitolocal.Always})
	url := serve(t, s)
	list := func(userPoolID string) string {
		return `{"UserPoolId":"` + userPoolID + `","MaxResults":60}`
	}
	good := cognitolocal.DefaultCredential
	wrongSecret := cognitolocal.Credential{AccessKeyID: good.AccessKeyID, SecretAccessKey: "wrong"}
	unknownKey := cognitolocal.Credential{AccessKeyID: "AKIDUNKNOWN", SecretAccessKey: "x"}
	const operation = "AWSCognitoIdentityProviderService."

	for _, tc := range []struct {
		code, target, body string
		cred               *cognitolocal.Credential
		status             int
	}{
		{"ResourceNotFoundException", "ListUserImportJobs", list("eu-west-1_Nope00000"), &good, 400},
		{"TooManyRequestsException", "ListUserImportJobs", list(throttled), &good, 400},
		{"InternalErrorException", "ListUserImportJobs", list(failing), &good, 500},
		{"InvalidSignatureException", "ListUserImportJobs", list(poolID), &wrongSecret, 400},
		{"UnrecognizedClientException", "ListUserImportJobs", list(poolID), &unknownKey, 400},
		{"PreconditionNotMetException", "StartUserImportJob",
			`{"UserPoolId":"` + poolID + `","JobId":"` + waiting + `"}`, &good, 400},
		{"InvalidParameterException", "ListUserImportJobs",
			`{"UserPoolId":"` + poolID + `","MaxResults":0}`, &good, 400},
		{"LimitExceededException", "CreateUserImportJob",
			`{"JobName":"one-too-many","UserPoolId":"` + full + `","CloudWatchLogsRoleArn":"` + logsRole + `"}`,
			&good, 400},
		{"MissingAuthenticationTokenException", "ListUserImportJobs", list(poolID), nil, 400},
		{"UnknownOperationException", "DeleteUserPool", `{"UserPoolId":"` + poolID + `"}`, &good, 400},
		{"SerializationException", "ListUserImportJobs", `{"UserPoolId":`, &good, 400},
	} {
		t.Run(tc.code, func(t *testing.T) {
			var got rawAnswer
			if tc.cred == nil {
				got = rawUnsigned(t, url, operation+tc.target, tc.body)
			} else {
				got = rawCall(t, url, operation+tc.target, tc.body, *tc.cred, "cognito-idp")
			}

			if got.status != tc.status || got.code != tc.code {
				t.Errorf("answered %d with __type %q, expected %d %s", got.status, got.code, tc.status, tc.code)
			}
			if header := got.header.Get("X-Amzn-Errortype"); header != tc.code {
				t.Errorf("X-Amzn-Errortype is %q, expected %s as in the body", header, tc.code)
			}
			if media := got.header.Get("Content-Type"); media != "application/x-amz-json-1.1" {
				t.Errorf("Content-Type is %q, expected application/x-amz-json-1.1", media)
			}
		})
	}

	ok := rawCall(t, url, operation+"ListUserImportJobs", list(poolID), good, "cognito-idp")
	if ok.status != 200 || ok.header.Get("Content-Type") != "application/x-amz-json-1.1" ||
		ok.header.Get("X-Amzn-Errortype") != "" {
		t.Errorf("a success answered %d, Content-Type %q, X-Amzn-Errortype %q; expected 200, "+
			"application/x-amz-json-1.1 and no error type", ok.status, ok.header.Get("Content-Type"),
			ok.header.Get("X-Amzn-Errortype"))
	}
}

func TestServer_readsABodyUpToItsLimitAndRefusesALargerOneNamingTheSize(t *testing.T) {
	// The endpoint reads at most a mebibyte of a request, far more than
	// the largest valid request of these operations.
	const limit = 1 << 20
	s := cognitolocal.New()
	s.AddPool(poolID, cognitolocal.PoolOptions{})
	url := serve(t, s)
	request := `{"UserPoolId":"` + poolID + `"}`
	// JSON allows any whitespace after the value, which pads a body to a
	// size.
	padded := func(size int) string { return request + strings.Repeat(" ", size-len(request)) }

	atLimit := rawCall(t, url, "AWSCognitoIdentityProviderService.GetCSVHeader", padded(limit),
		cognitolocal.DefaultCredential, "cognito-idp")
	over := rawCall(t, url, "AWSCognitoIdentityProviderService.GetCSVHeader", padded(limit+1),
		cognitolocal.DefaultCredential, "cognito-idp")

	if atLimit.status != 200 {
		t.Errorf("a body of %d bytes answered %d %s, expected 200", limit, atLimit.status, atLimit.code)
	}
	if over.status != 400 || over.code != "SerializationException" ||
		!strings.Contains(over.message, "1048577 bytes") || !strings.Contains(over.message, "1048576") {
		t.Errorf("a body of %d bytes answered %d %s: %s; expected 400 SerializationException naming its "+
			"size and the limit", limit+1, over.status, over.code, over.message)
	}
}
