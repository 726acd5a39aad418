package cognitolocal_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

const logsRole = "arn:aws:iam::123456789012:role/CognitoImportLogs"

// importFile has a header of the standard pool and four users: two to
// import, one already in the file, one without a user name.
const importFile = "cognito:username,email,email_verified\n" +
	"alice,alice@example.com,true\n" +
	"bob,bob@example.com,false\n" +
	"alice,alice@example.com,true\n" +
	",nobody@example.com,false\n"

// lifecycleFixture is an endpoint with an empty pool whose time a test
// controls, and a client of it.
type lifecycleFixture struct {
	server *cognitolocal.Server
	clock  *cognitolocal.ManualClock
	client *cip.Client
}

func newLifecycleFixture(t *testing.T) *lifecycleFixture {
	t.Helper()

	s := cognitolocal.New()
	s.AddPool(poolID, cognitolocal.PoolOptions{})
	clock := cognitolocal.NewManualClock(newest.Add(time.Hour))
	s.SetClock(clock)

	return &lifecycleFixture{server: s, clock: clock, client: start(t, s, cognitolocal.DefaultCredential, "eu-west-1")}
}

func (f *lifecycleFixture) create(t *testing.T, name string) types.UserImportJobType {
	t.Helper()

	out, err := f.client.CreateUserImportJob(context.Background(), &cip.CreateUserImportJobInput{
		JobName: aws.String(name), UserPoolId: aws.String(poolID), CloudWatchLogsRoleArn: aws.String(logsRole),
	})
	if err != nil {
		t.Fatalf("creating job %s: %v", name, err)
	}
	return *out.UserImportJob
}

func (f *lifecycleFixture) describe(t *testing.T, jobID string) types.UserImportJobType {
	t.Helper()

	out, err := f.client.DescribeUserImportJob(context.Background(), &cip.DescribeUserImportJobInput{
		UserPoolId: aws.String(poolID), JobId: aws.String(jobID),
	})
	if err != nil {
		t.Fatalf("describing job %s: %v", jobID, err)
	}
	return *out.UserImportJob
}

func (f *lifecycleFixture) start(jobID string) (*cip.StartUserImportJobOutput, error) {
	return f.client.StartUserImportJob(context.Background(), &cip.StartUserImportJobInput{
		UserPoolId: aws.String(poolID), JobId: aws.String(jobID),
	})
}

func (f *lifecycleFixture) stop(jobID string) (*cip.StopUserImportJobOutput, error) {
	return f.client.StopUserImportJob(context.Background(), &cip.StopUserImportJobInput{
		UserPoolId: aws.String(poolID), JobId: aws.String(jobID),
	})
}

// put uploads file to a presigned URL as the service's documentation shows,
// with the encryption header the URL is signed with when encrypted is
// true, and returns the status and the S3 error code.
func put(t *testing.T, presigned, file string, encrypted bool) (int, string) {
	t.Helper()

	req, err := http.NewRequestWithContext(context.Background(), http.MethodPut, presigned, strings.NewReader(file))
	if err != nil {
		t.Fatalf("building the upload (URL withheld): %v", withoutURL(err))
	}
	if encrypted {
		req.Header.Set("X-Amz-Server-Side-Encryption", "aws:kms")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("uploading (URL withheld): %v", withoutURL(err))
	}
	defer func() { _ = resp.Body.Close() }()

	var s3Error struct{ Code string }
	if resp.StatusCode != http.StatusOK {
		if err := xml.NewDecoder(resp.Body).Decode(&s3Error); err != nil {
			t.Errorf("the upload's %d answer is not an S3 error document: %v", resp.StatusCode, err)
		}
	}
	return resp.StatusCode, s3Error.Code
}

// withoutURL is err without the URL that net/url and net/http quote in
// their errors, since a presigned URL is a credential: what went wrong,
// such as a refused connection, and not where.
func withoutURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}

func TestWithoutURL_keepsTheCauseOfAFailedUploadAndDropsTheURL(t *testing.T) {
	// A port that was just free and is closed again refuses the upload.
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	presigned := closed.URL + "/aws-cognito-idp-user-import-eu-west-1/key?X-Amz-Signature=0123abcd"
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPut, presigned, nil)
	if err != nil {
		t.Fatal(err)
	}

	_, err = http.DefaultClient.Do(req)

	if err == nil || !strings.Contains(err.Error(), "X-Amz-Signature") {
		t.Fatalf("the client's error does not quote the URL, which this test expects it to: %v", err)
	}
	if shown := withoutURL(err).Error(); strings.Contains(shown, "X-Amz-Signature") ||
		!strings.Contains(shown, "refused") {
		t.Errorf("withoutURL gave %q, expected the refused connection without the URL", shown)
	}
}

func status(job types.UserImportJobType) string { return string(job.Status) }

func TestCreateUserImportJob_givesACreatedJobWithTheServicesShapes(t *testing.T) {
	f := newLifecycleFixture(t)

	job := f.create(t, "spring migration, batch 1")

	if !regexp.MustCompile(`^import-[0-9A-Za-z]{10}$`).MatchString(aws.ToString(job.JobId)) {
		t.Errorf("job id %q, expected import- and ten letters or digits", aws.ToString(job.JobId))
	}
	if status(job) != "Created" || aws.ToString(job.JobName) != "spring migration, batch 1" ||
		aws.ToString(job.UserPoolId) != poolID || aws.ToString(job.CloudWatchLogsRoleArn) != logsRole {
		t.Errorf("got %s job %q of pool %s with role %s, expected a Created job named as asked, of %s with %s",
			job.Status, aws.ToString(job.JobName), aws.ToString(job.UserPoolId),
			aws.ToString(job.CloudWatchLogsRoleArn), poolID, logsRole)
	}
	if !aws.ToTime(job.CreationDate).Equal(f.clock.Now()) || job.StartDate != nil || job.CompletionDate != nil {
		t.Errorf("created %v, started %v, completed %v; expected created at %v and neither started nor completed",
			job.CreationDate, job.StartDate, job.CompletionDate, f.clock.Now())
	}
	if job.ImportedUsers != 0 || job.SkippedUsers != 0 || job.FailedUsers != 0 {
		t.Errorf("counts %d/%d/%d, expected 0/0/0", job.ImportedUsers, job.SkippedUsers, job.FailedUsers)
	}

	u, err := url.Parse(aws.ToString(job.PreSignedUrl))
	if err != nil {
		// url.Parse's error quotes the URL, which is a credential.
		t.Fatal("the presigned URL does not parse (value and error withheld)")
	}
	if u.Hostname() != "127.0.0.1" {
		t.Errorf("the presigned URL points at %s, expected loopback", u.Hostname())
	}
	for _, name := range []string{"X-Amz-Security-Token", "X-Amz-Algorithm", "X-Amz-Date",
		"X-Amz-SignedHeaders", "X-Amz-Expires", "X-Amz-Credential", "X-Amz-Signature"} {
		if !u.Query().Has(name) {
			t.Errorf("the presigned URL lacks %s, which the service's carries", name)
		}
	}
	if !strings.HasSuffix(u.Path, "/"+poolID+"/"+aws.ToString(job.JobId)) {
		t.Errorf("the presigned URL's path ends %q, expected the pool and the job", u.Path[strings.LastIndex(u.Path, "/"):])
	}
}

// presignedShape describes a presigned URL with what differs from one job
// to another left out: where it points, its path with the pool and the
// job named, the names of its query parameters in order, and the fixed
// parts of their values. It shows nothing of the URL's credentials.
func presignedShape(t *testing.T, presigned, userPoolID, jobID string) string {
	t.Helper()

	u, err := url.Parse(presigned)
	if err != nil {
		// url.Parse's error quotes the URL, which is a credential.
		t.Fatal("the presigned URL does not parse (value and error withheld)")
	}
	path := strings.Replace(u.Path, "/"+userPoolID+"/"+jobID, "/<pool>/<job>", 1)

	var names []string
	for _, field := range strings.Split(u.RawQuery, "&") {
		name, _, _ := strings.Cut(field, "=")
		names = append(names, name)
	}
	q := u.Query()
	scope := strings.SplitN(q.Get("X-Amz-Credential"), "/", 3)
	if len(scope) < 3 {
		return "a URL whose X-Amz-Credential is not a key, a date and a scope"
	}
	date := q.Get("X-Amz-Date")
	signature := regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(q.Get("X-Amz-Signature"))

	return fmt.Sprintf("%s://%s%s ?%s algorithm=%s signed=%s expires=%s scope=%s date-matches-scope=%t "+
		"hex-signature=%t", u.Scheme, u.Hostname(), path, strings.Join(names, "&"), q.Get("X-Amz-Algorithm"),
		q.Get("X-Amz-SignedHeaders"), q.Get("X-Amz-Expires"), scope[2],
		len(date) == 16 && date[:8] == scope[1], signature)
}

func TestPreSignedURL_ofGeneratedAndCreatedJobsHaveOneShapeInThePoolsRegion(t *testing.T) {
	f := newLifecycleFixture(t)
	created := f.create(t, "created")
	generated := cognitolocal.GenerateJobs(poolID, 1, newest)[0]
	const otherRegionPool = "us-east-1_Local0003"
	elsewhere := cognitolocal.GenerateJobs(otherRegionPool, 1, newest)[0]

	want := "http://127.0.0.1/aws-cognito-idp-user-import-eu-west-1/123456789012/<pool>/<job> " +
		"?X-Amz-Security-Token&X-Amz-Algorithm&X-Amz-Date&X-Amz-SignedHeaders&X-Amz-Expires&" +
		"X-Amz-Credential&X-Amz-Signature algorithm=AWS4-HMAC-SHA256 " +
		"signed=host;x-amz-server-side-encryption expires=899 scope=eu-west-1/s3/aws4_request " +
		"date-matches-scope=true hex-signature=true"
	for what, got := range map[string]string{
		"a created job's":   presignedShape(t, aws.ToString(created.PreSignedUrl), poolID, aws.ToString(created.JobId)),
		"a generated job's": presignedShape(t, generated.PreSignedUrl, poolID, generated.JobId),
		"PreSignedURL's":    presignedShape(t, cognitolocal.PreSignedURL(poolID, "import-Given00001"), poolID, "import-Given00001"),
	} {
		if got != want {
			t.Errorf("%s presigned URL is\n\t%s\nexpected\n\t%s", what, got, want)
		}
	}

	otherWant := strings.ReplaceAll(want, "eu-west-1", "us-east-1")
	if got := presignedShape(t, elsewhere.PreSignedUrl, otherRegionPool, elsewhere.JobId); got != otherWant {
		t.Errorf("a generated job of a pool of us-east-1 has a presigned URL\n\t%s\nexpected\n\t%s", got, otherWant)
	}
}

func TestPreSignedURL_ofAnEndpointServingHTTPSIsHTTPSAndTakesTheUpload(t *testing.T) {
	s := cognitolocal.New()
	s.AddPool(poolID, cognitolocal.PoolOptions{})
	ts := httptest.NewTLSServer(s)
	t.Cleanup(ts.Close)
	client := cip.New(cip.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(ts.URL),
		HTTPClient:   ts.Client(),
		Credentials: credentials.NewStaticCredentialsProvider(cognitolocal.DefaultCredential.AccessKeyID,
			cognitolocal.DefaultCredential.SecretAccessKey, ""),
	})

	out, err := client.CreateUserImportJob(context.Background(), &cip.CreateUserImportJobInput{
		JobName: aws.String("over-tls"), UserPoolId: aws.String(poolID), CloudWatchLogsRoleArn: aws.String(logsRole),
	})
	if err != nil {
		t.Fatal(err)
	}
	presigned := aws.ToString(out.UserImportJob.PreSignedUrl)
	if !strings.HasPrefix(presigned, "https://127.0.0.1:") {
		t.Fatalf("the presigned URL begins %q, expected https://127.0.0.1: as the endpoint serves",
			presigned[:min(len(presigned), 20)])
	}

	req, err := http.NewRequestWithContext(context.Background(), http.MethodPut, presigned, strings.NewReader(importFile))
	if err != nil {
		t.Fatal("building the upload failed (error withheld: it quotes the URL)")
	}
	req.Header.Set("X-Amz-Server-Side-Encryption", "aws:kms")
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal("the upload failed (error withheld: it quotes the URL)")
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("the upload answered %d, expected 200", resp.StatusCode)
	}
}

func TestDescribeUserImportJob_answersTheJobAsListed(t *testing.T) {
	s := cognitolocal.New()
	if err := s.LoadSeedFile(filepath.Join("..", "..", "testdata", "seed-fixtures.json")); err != nil {
		t.Fatal(err)
	}
	client := start(t, s, cognitolocal.DefaultCredential, "eu-west-1")
	const fixturePool = "eu-west-1_Qx7Zk2Lm9"

	listed, err := client.ListUserImportJobs(context.Background(), &cip.ListUserImportJobsInput{
		UserPoolId: aws.String(fixturePool), MaxResults: aws.Int32(60),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed.UserImportJobs) == 0 {
		t.Fatal("the seed's pool lists no job, expected several")
	}

	for _, want := range listed.UserImportJobs {
		out, err := client.DescribeUserImportJob(context.Background(), &cip.DescribeUserImportJobInput{
			UserPoolId: aws.String(fixturePool), JobId: want.JobId,
		})
		if err != nil {
			t.Fatalf("describing %s: %v", aws.ToString(want.JobId), err)
		}
		if diff := jobDifference(*out.UserImportJob, want); diff != "" {
			t.Errorf("job %s described differs from its listing in %s", aws.ToString(want.JobId), diff)
		}
	}
}

// jobDifference names the first member in which two jobs differ, without
// showing the presigned URL, which is a credential.
func jobDifference(a, b types.UserImportJobType) string {
	switch {
	case aws.ToString(a.JobId) != aws.ToString(b.JobId):
		return "JobId"
	case aws.ToString(a.JobName) != aws.ToString(b.JobName):
		return "JobName"
	case aws.ToString(a.UserPoolId) != aws.ToString(b.UserPoolId):
		return "UserPoolId"
	case aws.ToString(a.PreSignedUrl) != aws.ToString(b.PreSignedUrl):
		return "PreSignedUrl (values withheld)"
	case a.Status != b.Status:
		return "Status"
	case aws.ToString(a.CloudWatchLogsRoleArn) != aws.ToString(b.CloudWatchLogsRoleArn):
		return "CloudWatchLogsRoleArn"
	case !sameTime(a.CreationDate, b.CreationDate):
		return "CreationDate"
	case !sameTime(a.StartDate, b.StartDate):
		return "StartDate"
	case !sameTime(a.CompletionDate, b.CompletionDate):
		return "CompletionDate"
	case a.ImportedUsers != b.ImportedUsers || a.SkippedUsers != b.SkippedUsers || a.FailedUsers != b.FailedUsers:
		return "the counts of users"
	case aws.ToString(a.CompletionMessage) != aws.ToString(b.CompletionMessage):
		return "CompletionMessage"
	}
	return ""
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

func TestDescribeUserImportJob_missingJobIsNotFound(t *testing.T) {
	f := newLifecycleFixture(t)

	_, err := f.client.DescribeUserImportJob(context.Background(), &cip.DescribeUserImportJobInput{
		UserPoolId: aws.String(poolID), JobId: aws.String("import-Nope000000"),
	})

	code, message := errorCode(t, err)
	if code != "ResourceNotFoundException" || !strings.Contains(message, "import-Nope000000") {
		t.Errorf("got %s: %s, expected ResourceNotFoundException naming the job", code, message)
	}
}

func TestStartUserImportJob_withoutAnUploadIsPreconditionNotMet(t *testing.T) {
	f := newLifecycleFixture(t)
	job := f.create(t, "no-file")

	_, err := f.start(aws.ToString(job.JobId))

	if code, _ := errorCode(t, err); code != "PreconditionNotMetException" {
		t.Errorf("got %s, expected PreconditionNotMetException", code)
	}
	if got := status(f.describe(t, aws.ToString(job.JobId))); got != "Created" {
		t.Errorf("the job is %s after a refused start, expected Created", got)
	}
}

func TestUserImportJob_runsThroughItsLifecycleAsTheClockMoves(t *testing.T) {
	f := newLifecycleFixture(t)
	job := f.create(t, "lifecycle")
	id := aws.ToString(job.JobId)
	if code, s3Code := put(t, aws.ToString(job.PreSignedUrl), importFile, true); code != http.StatusOK {
		t.Fatalf("upload answered %d %s, expected 200", code, s3Code)
	}
	started := f.clock.Now()

	out, err := f.start(id)
	if err != nil {
		t.Fatal(err)
	}
	if status(*out.UserImportJob) != "Pending" || !sameTime(out.UserImportJob.StartDate, &started) {
		t.Errorf("started job is %s since %v, expected Pending since %v",
			out.UserImportJob.Status, out.UserImportJob.StartDate, started)
	}

	lc := cognitolocal.DefaultLifecycle
	f.clock.Advance(lc.PendingFor)
	if got := status(f.describe(t, id)); got != "InProgress" {
		t.Errorf("after %v the job is %s, expected InProgress", lc.PendingFor, got)
	}

	f.clock.Advance(lc.ImportFor)
	done := f.describe(t, id)
	completed := started.Add(lc.PendingFor + lc.ImportFor)
	if status(done) != "Succeeded" || !sameTime(done.CompletionDate, &completed) {
		t.Errorf("the job is %s, completed %v, expected Succeeded at %v", done.Status, done.CompletionDate, completed)
	}
	if done.ImportedUsers != 2 || done.SkippedUsers != 1 || done.FailedUsers != 1 {
		t.Errorf("imported/skipped/failed %d/%d/%d, expected 2/1/1 from the file",
			done.ImportedUsers, done.SkippedUsers, done.FailedUsers)
	}
	if aws.ToString(done.CompletionMessage) != "Import Job Completed Successfully." {
		t.Errorf("completion message %q, expected the service's for a success", aws.ToString(done.CompletionMessage))
	}
}

func TestUserImportJob_failsOnAHeaderThePoolDoesNotHave(t *testing.T) {
	f := newLifecycleFixture(t)
	job := f.create(t, "bad-header")
	id := aws.ToString(job.JobId)
	put(t, aws.ToString(job.PreSignedUrl), "cognito:username,shoe_size\nalice,42\nbob,43\n", true)

	if _, err := f.start(id); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(time.Hour)

	done := f.describe(t, id)
	if status(done) != "Failed" || done.FailedUsers != 2 || done.ImportedUsers != 0 {
		t.Errorf("the job is %s with %d failed and %d imported, expected Failed with the 2 users failed",
			done.Status, done.FailedUsers, done.ImportedUsers)
	}
}

func TestStopUserImportJob_stopsThroughStopping(t *testing.T) {
	f := newLifecycleFixture(t)
	job := f.create(t, "to-stop")
	id := aws.ToString(job.JobId)
	put(t, aws.ToString(job.PreSignedUrl), importFile, true)
	if _, err := f.start(id); err != nil {
		t.Fatal(err)
	}
	requested := f.clock.Now()

	out, err := f.stop(id)
	if err != nil {
		t.Fatal(err)
	}
	if status(*out.UserImportJob) != "Stopping" {
		t.Errorf("the stop answered a %s job, expected Stopping", out.UserImportJob.Status)
	}

	f.clock.Advance(cognitolocal.DefaultLifecycle.StoppingFor)
	stopped := f.describe(t, id)
	completed := requested.Add(cognitolocal.DefaultLifecycle.StoppingFor)
	if status(stopped) != "Stopped" || !sameTime(stopped.CompletionDate, &completed) {
		t.Errorf("the job is %s, completed %v, expected Stopped at %v", stopped.Status, stopped.CompletionDate, completed)
	}

	_, err = f.stop(id)
	if code, _ := errorCode(t, err); code != "PreconditionNotMetException" {
		t.Errorf("stopping a stopped job gave %s, expected PreconditionNotMetException", code)
	}
}

func TestStopUserImportJob_stopsAJobInProgressThroughStoppingForGood(t *testing.T) {
	f := newLifecycleFixture(t)
	job := f.create(t, "to-stop-in-progress")
	id := aws.ToString(job.JobId)
	put(t, aws.ToString(job.PreSignedUrl), importFile, true)
	if _, err := f.start(id); err != nil {
		t.Fatal(err)
	}
	lc := cognitolocal.DefaultLifecycle
	f.clock.Advance(lc.PendingFor + time.Second)
	if got := status(f.describe(t, id)); got != "InProgress" {
		t.Fatalf("past its pending time the job is %s, expected InProgress", got)
	}
	requested := f.clock.Now()

	out, err := f.stop(id)
	if err != nil {
		t.Fatalf("stopping a job in progress gave %v, expected it to stop", err)
	}
	if status(*out.UserImportJob) != "Stopping" {
		t.Errorf("the stop answered a %s job, expected Stopping", out.UserImportJob.Status)
	}

	f.clock.Advance(lc.StoppingFor)
	stopped := f.describe(t, id)
	completed := requested.Add(lc.StoppingFor)
	if status(stopped) != "Stopped" || !sameTime(stopped.CompletionDate, &completed) {
		t.Errorf("the job is %s, completed %v, expected Stopped at %v", stopped.Status, stopped.CompletionDate, completed)
	}

	// The import it was running would have ended by now: a stopped job
	// stays stopped, with nobody imported.
	f.clock.Advance(lc.ImportFor)
	if later := f.describe(t, id); status(later) != "Stopped" || later.ImportedUsers != 0 {
		t.Errorf("after the import's time the job is %s with %d imported, expected still Stopped with none",
			later.Status, later.ImportedUsers)
	}
}

func TestUserImportJob_expiresWhenNotStartedWithinADay(t *testing.T) {
	f := newLifecycleFixture(t)
	job := f.create(t, "forgotten")
	id := aws.ToString(job.JobId)
	put(t, aws.ToString(job.PreSignedUrl), importFile, true)

	f.clock.Advance(24*time.Hour - time.Millisecond)
	if got := status(f.describe(t, id)); got != "Created" {
		t.Errorf("a millisecond before a day the job is %s, expected Created", got)
	}

	f.clock.Advance(time.Millisecond)
	expired := f.describe(t, id)
	deadline := aws.ToTime(job.CreationDate).Add(24 * time.Hour)
	if status(expired) != "Expired" || expired.StartDate != nil || !sameTime(expired.CompletionDate, &deadline) {
		t.Errorf("the job is %s, started %v, completed %v; expected Expired, never started, completed at %v",
			expired.Status, expired.StartDate, expired.CompletionDate, deadline)
	}

	_, err := f.start(id)
	if code, _ := errorCode(t, err); code != "PreconditionNotMetException" {
		t.Errorf("starting an expired job gave %s, expected PreconditionNotMetException", code)
	}
}

func TestCreateUserImportJob_createsThe1000thJobRefusesThe1001stWhileSeedsMayHoldMore(t *testing.T) {
	f := newLifecycleFixture(t)
	f.server.AddJobs(poolID, cognitolocal.GenerateJobs(poolID, cognitolocal.MaxJobsPerPool-1, newest)...)
	create := func(name string) error {
		_, err := f.client.CreateUserImportJob(context.Background(), &cip.CreateUserImportJobInput{
			JobName: aws.String(name), UserPoolId: aws.String(poolID), CloudWatchLogsRoleArn: aws.String(logsRole),
		})
		return err
	}

	if err := create("the-1000th"); err != nil {
		t.Fatalf("creating the 1000th job gave %v, expected it created: the quota is 1,000 jobs", err)
	}
	err := create("one-too-many")
	if code, _ := errorCode(t, err); code != "LimitExceededException" {
		t.Errorf("creating the 1001st job gave %s, expected LimitExceededException", code)
	}

	seeded := cognitolocal.GenerateJobs(poolID, 1, newest.Add(time.Hour))[0]
	seeded.JobId = "import-Seeded1001"
	f.server.AddJobs(poolID, seeded)
	if n := len(listAll(t, f.client)); n != cognitolocal.MaxJobsPerPool+1 {
		t.Errorf("a seeded pool lists %d jobs, expected %d: seeding is not bound by the quota",
			n, cognitolocal.MaxJobsPerPool+1)
	}
}

// listAll lists every job of the tests' pool, page by page.
func listAll(t *testing.T, client *cip.Client) []types.UserImportJobType {
	t.Helper()

	const userPoolID = poolID
	var jobs []types.UserImportJobType
	var token *string
	for range 100 {
		out, err := client.ListUserImportJobs(context.Background(), &cip.ListUserImportJobsInput{
			UserPoolId: aws.String(userPoolID), MaxResults: aws.Int32(60), PaginationToken: token,
		})
		if err != nil {
			t.Fatalf("listing %s: %v", userPoolID, err)
		}
		jobs = append(jobs, out.UserImportJobs...)
		if aws.ToString(out.PaginationToken) == "" {
			return jobs
		}
		token = out.PaginationToken
	}
	t.Fatalf("listing %s took more than 100 pages", userPoolID)
	return nil
}

func TestListUserImportJobs_jobsCreatedBetweenPagesNeitherRepeatNorHideOlderOnes(t *testing.T) {
	f := newLifecycleFixture(t)
	older := cognitolocal.GenerateJobs(poolID, 75, newest)
	f.server.AddJobs(poolID, older...)

	first, err := listPage(f.client, 50, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.create(t, "created-between-pages")
	f.clock.Advance(time.Second)
	f.create(t, "created-a-second-later")
	second, err := listPage(f.client, 50, first.PaginationToken)
	if err != nil {
		t.Fatal(err)
	}

	var ids []string
	for _, job := range append(first.UserImportJobs, second.UserImportJobs...) {
		ids = append(ids, aws.ToString(job.JobId))
	}
	for i, job := range older {
		if i >= len(ids) || ids[i] != job.JobId {
			t.Fatalf("listing position %d holds %v, expected the older job %s: the two pages must list the 75 "+
				"jobs that existed when the listing began, in order, once each", i, at(ids, i), job.JobId)
		}
	}
	if len(ids) != len(older) || second.PaginationToken != nil {
		t.Errorf("the two pages listed %d jobs and then a token %v, expected the 75 older ones and no token",
			len(ids), second.PaginationToken != nil)
	}
}

func TestListUserImportJobs_jobsOfOneInstantListNewestCreatedFirstAndSurviveACreationBetweenPages(t *testing.T) {
	f := newLifecycleFixture(t)
	// The fixture's clock does not move: every job is created in the same
	// millisecond, so that only the order of creation tells them apart.
	var want []string
	for i := range 5 {
		job := f.create(t, fmt.Sprintf("same-instant-%d", i))
		want = slices.Insert(want, 0, aws.ToString(job.JobId))
	}

	var listed []string
	var token *string
	for page := 1; page <= 10; page++ {
		out, err := listPage(f.client, 1, token)
		if err != nil {
			t.Fatal(err)
		}
		for _, job := range out.UserImportJobs {
			listed = append(listed, aws.ToString(job.JobId))
		}
		if page == 2 {
			f.create(t, "created-between-pages")
		}
		if out.PaginationToken == nil {
			break
		}
		token = out.PaginationToken
	}

	if strings.Join(listed, ",") != strings.Join(want, ",") {
		t.Errorf("pages of one job listed %v, expected the five jobs of the instant, newest created "+
			"first, %v: once each, and not the job created between pages", listed, want)
	}
}

func at(ids []string, i int) any {
	if i < len(ids) {
		return ids[i]
	}
	return "nothing"
}

func TestGetCSVHeader_answersTheStandardPoolsHeaderOrTheSeedsOwn(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "answers", "csv-header.json"))
	if err != nil {
		t.Fatal(err)
	}
	var recorded cip.GetCSVHeaderOutput
	if err := json.Unmarshal(raw, &recorded); err != nil {
		t.Fatal(err)
	}
	s := cognitolocal.New()
	s.AddPool(poolID, cognitolocal.PoolOptions{})
	custom := append(slices.Clone(recorded.CSVHeader), "custom:department")
	s.SetCSVHeader("eu-west-1_Custom01", custom)
	client := start(t, s, cognitolocal.DefaultCredential, "eu-west-1")

	for id, want := range map[string][]string{poolID: recorded.CSVHeader, "eu-west-1_Custom01": custom} {
		out, err := client.GetCSVHeader(context.Background(), &cip.GetCSVHeaderInput{UserPoolId: aws.String(id)})
		if err != nil {
			t.Fatal(err)
		}
		if aws.ToString(out.UserPoolId) != id || !slices.Equal(out.CSVHeader, want) {
			t.Errorf("pool %s answered %s with %v, expected itself with %v", id, aws.ToString(out.UserPoolId),
				out.CSVHeader, want)
		}
	}
}

func TestUpload_refusesForeignExpiredAndUnencryptedUploads(t *testing.T) {
	f := newLifecycleFixture(t)
	job := f.create(t, "uploads")
	presigned := aws.ToString(job.PreSignedUrl)
	tampered := regexp.MustCompile(`X-Amz-Signature=[0-9a-f]+`).ReplaceAllString(presigned, "X-Amz-Signature=00")

	// In order: the last case moves the clock.
	for _, tc := range []struct {
		name      string
		url       string
		encrypted bool
		advance   time.Duration
		status    int
		code      string
	}{
		{"signature not the endpoint's", tampered, true, 0, 403, "SignatureDoesNotMatch"},
		{"without the encryption header", presigned, false, 0, 403, "SignatureDoesNotMatch"},
		{"after 15 minutes", presigned, true, 15 * time.Minute, 403, "AccessDenied"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f.clock.Advance(tc.advance)
			code, s3Code := put(t, tc.url, importFile, tc.encrypted)
			if code != tc.status || s3Code != tc.code {
				t.Errorf("got %d %s, expected %d %s", code, s3Code, tc.status, tc.code)
			}
		})
	}

	_, err := f.start(aws.ToString(job.JobId))
	if code, _ := errorCode(t, err); code != "PreconditionNotMetException" {
		t.Errorf("after refused uploads the start gave %s, expected PreconditionNotMetException", code)
	}
}
