package cognitolocal_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

const otherPoolID = "eu-west-1_Local0002"

// faultFixture is an endpoint with two pools of a few jobs and a client.
func faultFixture(t *testing.T) (*cognitolocal.Server, *cip.Client, string) {
	t.Helper()

	s := cognitolocal.New()
	s.AddJobs(poolID, cognitolocal.GenerateJobs(poolID, 20, newest)...)
	s.AddJobs(otherPoolID, cognitolocal.GenerateJobs(otherPoolID, 20, newest)...)
	url := serve(t, s)
	return s, clientOf(url, cognitolocal.DefaultCredential, "eu-west-1"), url
}

func listPool(client *cip.Client, userPoolID string) error {
	_, err := client.ListUserImportJobs(context.Background(), &cip.ListUserImportJobsInput{
		UserPoolId: aws.String(userPoolID), MaxResults: aws.Int32(60),
	})
	return err
}

// codeOf is the AWS error code of err, "" for none, or "not an API error".
func codeOf(err error) string {
	if err == nil {
		return ""
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	return "not an API error"
}

// listRaw lists a pool once with rawCall and returns the error code.
func listRaw(t *testing.T, url, userPoolID string) string {
	t.Helper()

	return rawCall(t, url, "AWSCognitoIdentityProviderService.ListUserImportJobs",
		`{"UserPoolId":"`+userPoolID+`","MaxResults":60}`, cognitolocal.DefaultCredential, "cognito-idp").code
}

// headerRaw asks for the CSV header of the fixture's first pool once with
// rawCall and returns the error code.
func headerRaw(t *testing.T, url string) string {
	t.Helper()

	return rawCall(t, url, "AWSCognitoIdentityProviderService.GetCSVHeader",
		`{"UserPoolId":"`+poolID+`"}`, cognitolocal.DefaultCredential, "cognito-idp").code
}

func TestFaults_throttleTheNextRequestsThenRecover(t *testing.T) {
	s, client, url := faultFixture(t)
	s.SetFaults(cognitolocal.Faults{Throttle: 2})

	var codes []string
	for range 4 {
		codes = append(codes, listRaw(t, url, poolID))
	}

	want := []string{"TooManyRequestsException", "TooManyRequestsException", "", ""}
	if strings.Join(codes, ",") != strings.Join(want, ",") {
		t.Errorf("four requests answered %q, expected %q", codes, want)
	}
	if left := s.Faults().Throttle; left != 0 {
		t.Errorf("%d throttles are left, expected them used up", left)
	}
	if log := s.RequestLog(); log[0].Fault != cognitolocal.FaultThrottle || log[2].Fault != "" {
		t.Errorf("the log noted faults %q and %q, expected %q then none", log[0].Fault, log[2].Fault,
			cognitolocal.FaultThrottle)
	}

	s.SetFaults(cognitolocal.Faults{Throttle: cognitolocal.Always})
	var throttled *types.TooManyRequestsException
	if err := listPool(client, poolID); !errors.As(err, &throttled) {
		t.Errorf("the SDK got %v, expected its TooManyRequestsException", err)
	}
}

func TestFaults_ofOnePoolLeaveTheOthersAlone(t *testing.T) {
	s, client, _ := faultFixture(t)
	s.SetPoolFaults(poolID, cognitolocal.Faults{Throttle: cognitolocal.Always})

	for i := range 3 {
		if code := codeOf(listPool(client, poolID)); code != "TooManyRequestsException" {
			t.Errorf("request %d to the throttled pool answered %q, expected TooManyRequestsException", i+1, code)
		}
		if err := listPool(client, otherPoolID); err != nil {
			t.Errorf("request %d to the other pool failed: %v", i+1, err)
		}
	}
	if left := s.PoolFaults(poolID).Throttle; left != cognitolocal.Always {
		t.Errorf("the pool's throttle is %d after use, expected Always to stay", left)
	}
}

func TestFaults_internalErrorsAnswer500ThenRecover(t *testing.T) {
	s, _, url := faultFixture(t)
	s.SetFaults(cognitolocal.Faults{InternalErrors: 1})
	body := `{"UserPoolId":"` + poolID + `","MaxResults":60}`

	first := rawCall(t, url, "AWSCognitoIdentityProviderService.ListUserImportJobs", body,
		cognitolocal.DefaultCredential, "cognito-idp")
	second := rawCall(t, url, "AWSCognitoIdentityProviderService.ListUserImportJobs", body,
		cognitolocal.DefaultCredential, "cognito-idp")

	if first.status != 500 || first.code != "InternalErrorException" || second.status != 200 {
		t.Errorf("got %d %s then %d, expected 500 InternalErrorException then 200",
			first.status, first.code, second.status)
	}
}

func TestFaults_malformedBodyIsCutShortAfterTheOperationActed(t *testing.T) {
	s, client, _ := faultFixture(t)
	s.SetFaults(cognitolocal.Faults{MalformedBodies: cognitolocal.Always, Operations: []string{"CreateUserImportJob"}})

	_, err := client.CreateUserImportJob(context.Background(), &cip.CreateUserImportJobInput{
		JobName: aws.String("cut-short"), UserPoolId: aws.String(poolID), CloudWatchLogsRoleArn: aws.String(logsRole),
	})

	var deserialization *smithy.DeserializationError
	if !errors.As(err, &deserialization) {
		t.Fatalf("got %v, expected the SDK to fail decoding the answer", err)
	}
	jobs := listAll(t, client)
	if aws.ToString(jobs[0].JobName) != "cut-short" {
		t.Errorf("the newest job is %s, expected the job created despite the malformed answer",
			aws.ToString(jobs[0].JobName))
	}
	if log := s.RequestLog(); log[0].Fault != cognitolocal.FaultMalformedBody || log[0].ErrorCode != "" {
		t.Errorf("the log noted fault %q and error %q, expected %q and a success",
			log[0].Fault, log[0].ErrorCode, cognitolocal.FaultMalformedBody)
	}
}

func TestFaults_latencyDelaysEveryAnswer(t *testing.T) {
	s, client, _ := faultFixture(t)
	const latency = 50 * time.Millisecond
	s.SetFaults(cognitolocal.Faults{Latency: latency})

	for range 3 {
		began := time.Now()
		if err := listPool(client, poolID); err != nil {
			t.Fatal(err)
		}
		// The ceiling is ten times the latency, for a loaded machine.
		if took := time.Since(began); took < latency || took > 10*latency {
			t.Errorf("a request took %v, expected at least %v and less than %v", took, latency, 10*latency)
		}
	}
}

func TestFaults_rateLimitThrottlesWhatExceedsItPerPool(t *testing.T) {
	s, _, url := faultFixture(t)
	clock := cognitolocal.NewManualClock(newest)
	s.SetClock(clock)
	s.SetFaults(cognitolocal.Faults{RateLimit: 5})

	burst := func(userPoolID string, n int) []string {
		var codes []string
		for range n {
			codes = append(codes, listRaw(t, url, userPoolID))
		}
		return codes
	}
	expect := func(what string, got []string, want ...string) {
		t.Helper()
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s answered %q, expected %q", what, got, want)
		}
	}
	const ok, throttled = "", "TooManyRequestsException"

	expect("six requests in an instant", burst(poolID, 6), ok, ok, ok, ok, ok, throttled)
	expect("the other pool in the same instant", burst(otherPoolID, 5), ok, ok, ok, ok, ok)
	clock.Advance(200 * time.Millisecond)
	expect("two requests 200ms later", burst(poolID, 2), ok, throttled)
	clock.Advance(time.Second)
	expect("six requests a second later", burst(poolID, 6), ok, ok, ok, ok, ok, throttled)

	// The other pool spent its burst 1.2s ago: at its own limit of one a
	// second it has one request again, and no more.
	s.SetPoolFaults(otherPoolID, cognitolocal.Faults{RateLimit: 1})
	expect("the other pool under its own limit", burst(otherPoolID, 2), ok, throttled)
	for _, req := range s.RequestLog() {
		if req.ErrorCode == throttled && req.Fault != cognitolocal.FaultRateLimit {
			t.Errorf("a throttled request noted fault %q, expected %q", req.Fault, cognitolocal.FaultRateLimit)
		}
	}
}

func TestFaults_rateLimitOfOneOperationSparesTheOthers(t *testing.T) {
	s, _, url := faultFixture(t)
	s.SetClock(cognitolocal.NewManualClock(newest))
	s.SetFaults(cognitolocal.Faults{RateLimit: 1, Operations: []string{"GetCSVHeader"}})
	const ok, throttled = "", "TooManyRequestsException"

	var listings []string
	for range 3 {
		listings = append(listings, listRaw(t, url, poolID))
	}
	headers := []string{headerRaw(t, url), headerRaw(t, url)}

	if strings.Join(listings, ",") != strings.Join([]string{ok, ok, ok}, ",") {
		t.Errorf("three listings in an instant answered %q, expected none throttled by a limit of "+
			"GetCSVHeader only", listings)
	}
	if strings.Join(headers, ",") != strings.Join([]string{ok, throttled}, ",") {
		t.Errorf("two GetCSVHeader requests in an instant answered %q, expected the second throttled "+
			"at one a second", headers)
	}
}

func TestFaults_rateLimitKeepsOneBucketForEachPoolAndOperation(t *testing.T) {
	s, _, url := faultFixture(t)
	s.SetClock(cognitolocal.NewManualClock(newest))
	s.SetFaults(cognitolocal.Faults{RateLimit: 1})
	const ok, throttled = "", "TooManyRequestsException"

	got := []string{
		listRaw(t, url, poolID),
		headerRaw(t, url),
		listRaw(t, url, otherPoolID),
		listRaw(t, url, poolID),
		headerRaw(t, url),
	}

	want := []string{ok, ok, ok, throttled, throttled}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("a listing, a header, the other pool's listing, then a listing and a header again "+
			"answered %q, expected %q: each pool and operation has its own one request a second", got, want)
	}
}

func TestFaults_limitedToOperationsSpareTheOthers(t *testing.T) {
	s, client, _ := faultFixture(t)
	s.SetFaults(cognitolocal.Faults{Throttle: cognitolocal.Always, Operations: []string{"GetCSVHeader"}})

	_, err := client.GetCSVHeader(context.Background(), &cip.GetCSVHeaderInput{UserPoolId: aws.String(poolID)})
	if code := codeOf(err); code != "TooManyRequestsException" {
		t.Errorf("GetCSVHeader answered %q, expected TooManyRequestsException", code)
	}
	if err := listPool(client, poolID); err != nil {
		t.Errorf("ListUserImportJobs failed under a fault of GetCSVHeader only: %v", err)
	}
}

func TestFaults_listingFaultsApplyToTheWholeEndpoint(t *testing.T) {
	s, client, _ := faultFixture(t)
	s.SetFaults(cognitolocal.Faults{PageSize: 7, EmptyFinalToken: true})

	var sizes []int
	var last *string
	var token *string
	for range 10 {
		out, err := listPage(client, 60, token)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(out.UserImportJobs))
		last = out.PaginationToken
		if aws.ToString(out.PaginationToken) == "" {
			break
		}
		token = out.PaginationToken
	}

	if len(sizes) != 3 || sizes[0] != 7 || sizes[1] != 7 || sizes[2] != 6 || last == nil || *last != "" {
		t.Errorf("pages held %v jobs and the last token was %v, expected [7 7 6] and an empty token", sizes, last)
	}

	s.SetFaults(cognitolocal.Faults{RepeatToken: true})
	first, err := listPage(client, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	second, err := listPage(client, 10, first.PaginationToken)
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(second.PaginationToken) != aws.ToString(first.PaginationToken) {
		t.Error("the second page carried a new token, expected the one it was asked with")
	}
}

func TestFaults_countedFaultsAreExactUnderConcurrentRequests(t *testing.T) {
	s, _, url := faultFixture(t)
	s.SetFaults(cognitolocal.Faults{Throttle: 10})

	var mu sync.Mutex
	throttled := 0
	var failures []error
	var wg sync.WaitGroup
	for i := range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i == 15 {
				// Faults may be changed while the endpoint serves.
				s.SetPoolFaults(otherPoolID, cognitolocal.Faults{Latency: time.Millisecond})
			}
			answer, err := send(url, "AWSCognitoIdentityProviderService.ListUserImportJobs",
				`{"UserPoolId":"`+poolID+`","MaxResults":60}`, cognitolocal.DefaultCredential, "cognito-idp")
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failures = append(failures, err)
			}
			if answer.code == "TooManyRequestsException" {
				throttled++
			}
		}()
	}
	wg.Wait()

	if len(failures) > 0 {
		t.Fatalf("requests failed: %v", failures)
	}
	if throttled != 10 {
		t.Errorf("%d of 30 concurrent requests were throttled, expected exactly 10", throttled)
	}
}

func TestServer_countsRequestsAndSDKCallsApart(t *testing.T) {
	s, _, url := faultFixture(t)
	s.SetFaults(cognitolocal.Faults{Throttle: 2})
	retrying := cip.New(cip.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(url),
		Credentials: credentials.NewStaticCredentialsProvider(cognitolocal.DefaultCredential.AccessKeyID,
			cognitolocal.DefaultCredential.SecretAccessKey, ""),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 3
			o.RateLimiter = ratelimit.None
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		}),
	})

	if err := listPool(retrying, poolID); err != nil {
		t.Fatalf("the third attempt failed: %v", err)
	}

	if n := s.Requests("ListUserImportJobs"); n < 3 {
		t.Errorf("the endpoint counted %d requests, expected at least the 3 attempts", n)
	}
	if n := s.Calls("ListUserImportJobs"); n != 1 {
		t.Errorf("the endpoint counted %d calls, expected the 1 SDK call", n)
	}
	if log := s.RequestLog(); log[len(log)-1].Attempt != 3 {
		t.Errorf("the last request was attempt %d, expected 3", log[len(log)-1].Attempt)
	}
}

func TestFaults_readFromASeedWithLatencyAsADuration(t *testing.T) {
	var f cognitolocal.Faults
	err := json.Unmarshal([]byte(`{"Throttle":3,"Latency":"50ms","RateLimit":5,"Operations":["ListUserImportJobs"]}`), &f)
	if err != nil {
		t.Fatal(err)
	}
	if f.Throttle != 3 || f.Latency != 50*time.Millisecond || f.RateLimit != 5 || len(f.Operations) != 1 {
		t.Errorf("read %+v, expected 3 throttles, 50ms, 5 a second, one operation", f)
	}

	for text, mention := range map[string]string{
		`{"Throttel":3}`:         "Throttel",
		`{"Latency":"fifty ms"}`: "fifty ms",
	} {
		err := json.Unmarshal([]byte(text), &f)
		if err == nil || !strings.Contains(err.Error(), mention) {
			t.Errorf("reading %s gave %v, expected an error naming %s", text, err, mention)
		}
	}
}

func TestServer_countsEveryRequestItServedOnceEach(t *testing.T) {
	s, _, url := faultFixture(t)
	s.SetPoolFaults(otherPoolID, cognitolocal.Faults{Throttle: 1})
	wrongSecret := cognitolocal.Credential{AccessKeyID: cognitolocal.DefaultCredential.AccessKeyID,
		SecretAccessKey: "wrong"}

	// Eight requests, each sent once: three listings answered, one refused
	// for its signature, one throttled, two CSV headers and an operation
	// the endpoint does not serve.
	codes := []string{listRaw(t, url, poolID), listRaw(t, url, poolID), listRaw(t, url, poolID)}
	codes = append(codes, rawCall(t, url, "AWSCognitoIdentityProviderService.ListUserImportJobs",
		`{"UserPoolId":"`+poolID+`","MaxResults":60}`, wrongSecret, "cognito-idp").code)
	codes = append(codes, listRaw(t, url, otherPoolID), headerRaw(t, url), headerRaw(t, url))
	codes = append(codes, rawCall(t, url, "AWSCognitoIdentityProviderService.DeleteUserPool",
		`{"UserPoolId":"`+poolID+`"}`, cognitolocal.DefaultCredential, "cognito-idp").code)

	want := []string{"", "", "", "InvalidSignatureException", "TooManyRequestsException", "", "",
		"UnknownOperationException"}
	if strings.Join(codes, ",") != strings.Join(want, ",") {
		t.Fatalf("the requests answered %q, expected %q", codes, want)
	}
	for operation, n := range map[string]int{"ListUserImportJobs": 5, "GetCSVHeader": 2, "DeleteUserPool": 1,
		"": 8} {
		if got := s.Requests(operation); got != n {
			t.Errorf("Requests(%q) is %d, expected exactly the %d sent", operation, got, n)
		}
		// Without an SDK's invocation id, every request is a call of its own.
		if got := s.Calls(operation); got != n {
			t.Errorf("Calls(%q) is %d, expected %d, one for each request", operation, got, n)
		}
	}
}

func TestFaults_offsetTokenRepeatsTheLastJobOfAPageWhenAJobIsCreatedBetweenPages(t *testing.T) {
	s, client, _ := faultFixture(t)
	s.SetPoolFaults(poolID, cognitolocal.Faults{OffsetToken: true})

	first, err := listPage(client, 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	newer := cognitolocal.GenerateJobs(poolID, 1, newest.Add(time.Hour))[0]
	newer.JobId = "import-Newer00001"
	s.AddJobs(poolID, newer)
	second, err := listPage(client, 5, first.PaginationToken)
	if err != nil {
		t.Fatal(err)
	}

	if token := aws.ToString(first.PaginationToken); token != poolID+"#5" {
		t.Errorf("the first page's token is %q, expected the index of the next job, %s#5", token, poolID)
	}
	last, next := aws.ToString(first.UserImportJobs[4].JobId), aws.ToString(second.UserImportJobs[0].JobId)
	if next != last {
		t.Errorf("the second page begins with %s, expected %s again, the first page's last job, "+
			"which the new job pushed down one place", next, last)
	}
}

func TestFaults_offsetTokenPagesThroughAnUnchangingPoolOnceEach(t *testing.T) {
	s, client, _ := faultFixture(t)
	s.SetFaults(cognitolocal.Faults{OffsetToken: true, PageSize: 7})

	jobs := listAll(t, client)

	var got, want []string
	for _, job := range jobs {
		got = append(got, aws.ToString(job.JobId))
	}
	for _, job := range cognitolocal.GenerateJobs(poolID, 20, newest) {
		want = append(want, job.JobId)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("pages of 7 listed %v, expected the pool's 20 jobs once each, newest first: %v", got, want)
	}
}
