package cognitolocal_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// rawAnswer is an answer of the endpoint as it came over the wire.
type rawAnswer struct {
	status  int
	header  http.Header
	code    string
	message string
	body    []byte
}

// rawCall sends body to the endpoint at url as the user pools operation
// target names, signed with cred for service in eu-west-1, so that a test
// can send what no SDK would, or count exactly what it sent.
func rawCall(t *testing.T, url, target, body string, cred cognitolocal.Credential, service string) rawAnswer {
	t.Helper()

	answer, err := send(url, target, body, cred, service)
	if err != nil {
		t.Fatal(err)
	}
	return answer
}

// rawUnsigned is rawCall without a signature.
func rawUnsigned(t *testing.T, url, target, body string) rawAnswer {
	t.Helper()

	req, err := newRawRequest(url, target, body)
	if err != nil {
		t.Fatal(err)
	}
	answer, err := do(req)
	if err != nil {
		t.Fatal(err)
	}
	return answer
}

// send is rawCall for a goroutine: it returns what went wrong.
func send(url, target, body string, cred cognitolocal.Credential, service string) (rawAnswer, error) {
	req, err := newRawRequest(url, target, body)
	if err != nil {
		return rawAnswer{}, err
	}
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: cred.AccessKeyID, SecretAccessKey: cred.SecretAccessKey,
		SessionToken: cred.SessionToken}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]),
		service, "eu-west-1", time.Now()); err != nil {
		return rawAnswer{}, err
	}

	return do(req)
}

// newRawRequest is an unsigned request of the user pools protocol.
func newRawRequest(url, target, body string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", target)
	return req, nil
}

// do sends a request once, without retries, and reads its answer.
func do(req *http.Request) (rawAnswer, error) {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return rawAnswer{}, err
	}
	defer func() { _ = resp.Body.Close() }()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return rawAnswer{}, err
	}

	answer := rawAnswer{status: resp.StatusCode, header: resp.Header, body: raw}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Type    string `json:"__type"`
			Message string `json:"message"`
		}
		if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&e); err != nil {
			return answer, fmt.Errorf("the %d answer is not an error body of the protocol: %w", resp.StatusCode, err)
		}
		answer.code, answer.message = e.Type, e.Message
	}
	return answer, nil
}

func TestServer_validatesEveryOperationsMembersAndNamesThem(t *testing.T) {
	s := cognitolocal.New()
	s.AddJobs(poolID, cognitolocal.GenerateJobs(poolID, 3, newest)...)
	url := serve(t, s)
	long := strings.Repeat("a", 129)

	for _, tc := range []struct {
		operation, body, message string
	}{
		{"ListUserImportJobs", `{"UserPoolId":"` + poolID + `","MaxResults":0}`,
			"1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: " +
				"Member must have value greater than or equal to 1"},
		{"ListUserImportJobs", `{"UserPoolId":"` + poolID + `","MaxResults":61}`,
			"Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60"},
		{"ListUserImportJobs", `{"UserPoolId":"` + poolID + `"}`,
			"Value null at 'maxResults' failed to satisfy constraint: Member must not be null"},
		{"ListUserImportJobs", `{"MaxResults":60}`,
			"Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"},
		{"ListUserImportJobs", `{"UserPoolId":"eu-west-1-no-underscore","MaxResults":60}`,
			"Value 'eu-west-1-no-underscore' at 'userPoolId' failed to satisfy constraint: " +
				"Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"},
		{"ListUserImportJobs", `{"UserPoolId":"eu-west-1_` + strings.Repeat("a", 50) + `","MaxResults":60}`,
			"at 'userPoolId' failed to satisfy constraint: Member must have length between 1 and 55"},
		{"ListUserImportJobs", `{"UserPoolId":"` + poolID + `","MaxResults":60,"PaginationToken":"two words"}`,
			"Value 'two words' at 'paginationToken' failed to satisfy constraint: " +
				"Member must satisfy regular expression pattern: [\\S]+"},
		{"ListUserImportJobs", `{"UserPoolId":"` + poolID + `","MaxResults":60,"PaginationToken":""}`,
			"Value '' at 'paginationToken' failed to satisfy constraint: Member must have length between 1"},
		{"ListUserImportJobs", `{"UserPoolId":"` + poolID + `","MaxResults":60,"PaginationToken":"made-up"}`,
			"Value 'made-up' at 'paginationToken' failed to satisfy constraint"},
		{"ListUserImportJobs", `{"UserPoolId":"` + poolID + `","MaxResults":99,"PaginationToken":" "}`,
			"2 validation errors detected: Value '99' at 'maxResults'"},
		{"CreateUserImportJob", `{"UserPoolId":"` + poolID + `","CloudWatchLogsRoleArn":"` + logsRole + `"}`,
			"Value null at 'jobName' failed to satisfy constraint: Member must not be null"},
		{"CreateUserImportJob", `{"JobName":"` + long + `","UserPoolId":"` + poolID + `","CloudWatchLogsRoleArn":"` + logsRole + `"}`,
			"at 'jobName' failed to satisfy constraint: Member must have length between 1 and 128"},
		{"CreateUserImportJob", `{"JobName":"a/b","UserPoolId":"` + poolID + `","CloudWatchLogsRoleArn":"` + logsRole + `"}`,
			"Value 'a/b' at 'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern"},
		{"CreateUserImportJob", `{"JobName":"a","UserPoolId":"` + poolID + `"}`,
			"Value null at 'cloudWatchLogsRoleArn' failed to satisfy constraint: Member must not be null"},
		{"CreateUserImportJob", `{"JobName":"a","UserPoolId":"` + poolID + `","CloudWatchLogsRoleArn":"role/Logs"}`,
			"at 'cloudWatchLogsRoleArn' failed to satisfy constraint: Member must have length between 20 and 2048"},
		{"CreateUserImportJob", `{"JobName":"a","UserPoolId":"` + poolID + `","CloudWatchLogsRoleArn":"arn:aws:iam::account:role/Logs"}`,
			"at 'cloudWatchLogsRoleArn' failed to satisfy constraint: Member must satisfy regular expression pattern"},
		{"DescribeUserImportJob", `{"UserPoolId":"` + poolID + `"}`,
			"Value null at 'jobId' failed to satisfy constraint: Member must not be null"},
		{"StartUserImportJob", `{"UserPoolId":"` + poolID + `","JobId":"job-1"}`,
			"Value 'job-1' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern: import-[0-9a-zA-Z-]+"},
		{"StopUserImportJob", `{"JobId":"import-abc"}`,
			"Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"},
		{"GetCSVHeader", `{}`,
			"Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"},
	} {
		got := rawCall(t, url, "AWSCognitoIdentityProviderService."+tc.operation, tc.body,
			cognitolocal.DefaultCredential, "cognito-idp")
		if got.status != 400 || got.code != "InvalidParameterException" || !strings.Contains(got.message, tc.message) {
			t.Errorf("%s %s: got %d %s: %s, expected 400 InvalidParameterException with %q",
				tc.operation, tc.body, got.status, got.code, got.message, tc.message)
		}
	}
}

func TestServer_refusesWhatIsNotARequestOfTheProtocol(t *testing.T) {
	s := cognitolocal.New()
	s.AddPool(poolID, cognitolocal.PoolOptions{})
	url := serve(t, s)

	for _, tc := range []struct {
		name, target, body, code, message string
	}{
		{"unknown operation", "AWSCognitoIdentityProviderService.DeleteUserImportJob", `{}`,
			"UnknownOperationException", "DeleteUserImportJob"},
		{"another service's target", "DynamoDB_20120810.ListUserImportJobs", `{}`,
			"UnknownOperationException", "DynamoDB_20120810.ListUserImportJobs"},
		{"no target", "", `{}`, "UnknownOperationException", `""`},
		{"body not JSON", "AWSCognitoIdentityProviderService.ListUserImportJobs", `UserPoolId=` + poolID,
			"SerializationException", "not valid JSON"},
		{"body a JSON array", "AWSCognitoIdentityProviderService.GetCSVHeader", `["` + poolID + `"]`,
			"SerializationException", "not a JSON object"},
		{"member of the wrong type", "AWSCognitoIdentityProviderService.ListUserImportJobs",
			`{"UserPoolId":"` + poolID + `","MaxResults":"60"}`, "SerializationException", "MaxResults"},
	} {
		got := rawCall(t, url, tc.target, tc.body, cognitolocal.DefaultCredential, "cognito-idp")
		if got.status != 400 || got.code != tc.code || !strings.Contains(got.message, tc.message) {
			t.Errorf("%s: got %d %s: %s, expected 400 %s mentioning %s",
				tc.name, got.status, got.code, got.message, tc.code, tc.message)
		}
	}
}

func TestServer_unknownPoolIsNotFoundForEveryOperation(t *testing.T) {
	s := cognitolocal.New()
	client := start(t, s, cognitolocal.DefaultCredential, "eu-west-1")
	const missing = "eu-west-1_Nope00000"
	ctx := context.Background()

	for operation, call := range map[string]func() error{
		"CreateUserImportJob": func() error {
			_, err := client.CreateUserImportJob(ctx, &cip.CreateUserImportJobInput{JobName: aws.String("a"),
				UserPoolId: aws.String(missing), CloudWatchLogsRoleArn: aws.String(logsRole)})
			return err
		},
		"DescribeUserImportJob": func() error {
			_, err := client.DescribeUserImportJob(ctx, &cip.DescribeUserImportJobInput{
				UserPoolId: aws.String(missing), JobId: aws.String("import-abc")})
			return err
		},
		"StartUserImportJob": func() error {
			_, err := client.StartUserImportJob(ctx, &cip.StartUserImportJobInput{
				UserPoolId: aws.String(missing), JobId: aws.String("import-abc")})
			return err
		},
		"StopUserImportJob": func() error {
			_, err := client.StopUserImportJob(ctx, &cip.StopUserImportJobInput{
				UserPoolId: aws.String(missing), JobId: aws.String("import-abc")})
			return err
		},
		"GetCSVHeader": func() error {
			_, err := client.GetCSVHeader(ctx, &cip.GetCSVHeaderInput{UserPoolId: aws.String(missing)})
			return err
		},
	} {
		code, message := errorCode(t, call())
		if code != "ResourceNotFoundException" || message != "User pool "+missing+" does not exist." {
			t.Errorf("%s: got %s: %s, expected ResourceNotFoundException: User pool %s does not exist.",
				operation, code, message, missing)
		}
	}
}
