package bench

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// client is an SDK client of the endpoint that retries at once, so that a
// throttled request costs the test no backoff.
func client(e *endpoint) *cip.Client {
	cred := cognitolocal.DefaultCredential
	return cip.New(cip.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(e.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(cred.AccessKeyID, cred.SecretAccessKey, ""),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			o.RateLimiter = ratelimit.None
		}),
	})
}

func TestEndpoint_countsCallsNotTheSDKsRetries(t *testing.T) {
	e, err := startEndpoint(cognitolocal.Faults{Throttle: 1}, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer e.close()
	c := client(e)
	mark := e.mark()

	_, err = c.ListUserImportJobs(context.Background(), &cip.ListUserImportJobsInput{
		UserPoolId: aws.String(poolID(1)), MaxResults: aws.Int32(60)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.GetCSVHeader(context.Background(), &cip.GetCSVHeaderInput{UserPoolId: aws.String(poolID(1))})
	if err != nil {
		t.Fatal(err)
	}

	got := e.trafficSince(mark)
	want := traffic{listCalls: 1, otherCalls: 1, requests: 3, throttled: 1}
	if got != want {
		t.Errorf("counted %+v, expected %+v: a throttled request and its retry are one call", got, want)
	}
}

func TestStartEndpoint_servesAPoolOfEachSize(t *testing.T) {
	e, err := startEndpoint(cognitolocal.Faults{}, 0, 51)
	if err != nil {
		t.Fatal(err)
	}
	defer e.close()
	c := client(e)

	for _, n := range []int{0, 51} {
		listed := 0
		var token *string
		for {
			out, err := c.ListUserImportJobs(context.Background(), &cip.ListUserImportJobsInput{
				UserPoolId: aws.String(poolID(n)), MaxResults: aws.Int32(60), PaginationToken: token})
			if err != nil {
				t.Fatalf("listing %s: %v", poolID(n), err)
			}
			listed += len(out.UserImportJobs)
			if aws.ToString(out.PaginationToken) == "" {
				break
			}
			token = out.PaginationToken
		}
		if listed != n {
			t.Errorf("%s holds %d jobs, expected %d", poolID(n), listed, n)
		}
	}
}

func TestPagesFor_isOneEvenForNoJobs(t *testing.T) {
	for n, want := range map[int]int{0: 1, 1: 1, 50: 1, 51: 2, 1000: 20} {
		if got := pagesFor(n); got != want {
			t.Errorf("pagesFor(%d) is %d, expected %d", n, got, want)
		}
	}
}
