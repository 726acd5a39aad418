package importjobs

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go"
)

// clientOf is an SDK client of the endpoint at url that makes attempts
// attempts a call.
func clientOf(url string, attempts int) *cip.Client {
	return cip.New(cip.Options{
		Region:           "eu-west-1",
		BaseEndpoint:     aws.String(url),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDTEST", "secret", ""),
		RetryMaxAttempts: attempts,
	})
}

// expectDetail fails the test unless the detail holds every fragment.
func expectDetail(t *testing.T, detail string, fragments ...string) {
	t.Helper()

	for _, fragment := range fragments {
		if !strings.Contains(detail, fragment) {
			t.Errorf("detail %q does not say %q", detail, fragment)
		}
	}
}

func TestListErrorDetail_refusedConnectionNamesTheAddressAndAttempts(t *testing.T) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + listener.Addr().String()
	if err := listener.Close(); err != nil {
		t.Fatal(err)
	}

	_, err = listAll(t, clientOf(url, 2))

	expectDetail(t, listErrorDetail(err, fakePoolID, "eu-west-1"),
		"ListUserImportJobs failed on page 1: the endpoint "+url+"/ could not be reached (",
		"connection refused", "(gave up after 2 attempts).")
}

func TestListErrorDetail_cutAnswerSaysSoAndQuotesNoURL(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "answers", "list-page-1.json"))
	if err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_, _ = w.Write(page[:len(page)*2/3])
	}))
	t.Cleanup(server.Close)

	jobs, err := listAll(t, clientOf(server.URL, 3))

	detail := listErrorDetail(err, fakePoolID, "eu-west-1")
	expectDetail(t, detail, "ListUserImportJobs failed on page 1: the answer could not be read (",
		"it is not the JSON that the API answers, so the read stopped and kept nothing.")
	if strings.Contains(detail, "X-Amz-") || strings.Contains(detail, "import-") {
		t.Errorf("detail quotes the answer, which holds presigned URLs: %q", detail)
	}
	if len(jobs) != 0 {
		t.Errorf("the lister handed over %d jobs of a cut answer, expected none", len(jobs))
	}
}

func TestListErrorDetail_stoppedReadSaysWhatStoppedIt(t *testing.T) {
	cause := &listError{page: 3, err: &aws.RequestCanceledError{Err: context.DeadlineExceeded}}

	expectDetail(t, listErrorDetail(&stoppedReadError{timeout: 90 * time.Second, err: cause},
		fakePoolID, "eu-west-1"),
		"ListUserImportJobs failed on page 3: the read did not finish within its read timeout "+
			"of 1m30s, so it stopped and kept nothing.")
	expectDetail(t, listErrorDetail(&stoppedReadError{err: cause}, fakePoolID, "eu-west-1"),
		"ListUserImportJobs failed on page 3: the read was cancelled, as Terraform was interrupted")
}

func TestListErrorDetail_usedUpRetryQuotaSaysSoWithTheLastFailure(t *testing.T) {
	throttled := &smithy.GenericAPIError{Code: "TooManyRequestsException", Message: "Rate exceeded"}
	quota := fmt.Errorf("failed to get rate limit token, %w",
		ratelimit.QuotaExceededError{Available: 2, Requested: 5})
	err := &listError{page: 4, err: errors.Join(throttled, quota)}

	expectDetail(t, listErrorDetail(err, fakePoolID, "eu-west-1"),
		"ListUserImportJobs failed on page 4: the request failed, and the SDK's retry quota",
		"retry quota exceeded, 2 available, 5 requested",
		"the last failure was: TooManyRequestsException: Rate exceeded")
}

func TestListErrorDetail_throttlingAndRefusedCredentialsSayWhatToDo(t *testing.T) {
	for code, hint := range map[string]string{
		"TooManyRequestsException":    "The service throttled the requests: the user pool's request quota",
		"InvalidSignatureException":   "AWS refused the request's credentials",
		"UnrecognizedClientException": "AWS refused the request's credentials",
		"ExpiredTokenException":       "AWS refused the request's credentials",
	} {
		err := &listError{page: 1, err: &smithy.GenericAPIError{Code: code, Message: "refused"}}

		expectDetail(t, listErrorDetail(err, fakePoolID, "eu-west-1"),
			"ListUserImportJobs failed on page 1 with "+code+": refused", hint)
	}
}
