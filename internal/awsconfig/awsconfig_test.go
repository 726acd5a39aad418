package awsconfig

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
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

// isolate clears the AWS environment of the test and points the shared
// files at empty ones, so that the machine's own settings cannot leak in.
func isolate(t *testing.T) {
	t.Helper()

	for _, name := range []string{
		"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
		"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
		"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_ENDPOINT_URL_STS",
		"AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
	} {
		t.Setenv(name, "")
		if err := os.Unsetenv(name); err != nil {
			t.Fatal(err)
		}
	}
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_CONFIG_FILE", empty)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", empty)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

// recorder is a Cognito endpoint that answers every request with an empty
// page and remembers the headers of each request, with the Authorization
// headers apart for the tests that need no others.
type recorder struct {
	mu      sync.Mutex
	auths   []string
	headers []http.Header
	url     string
}

func newRecorder(t *testing.T) *recorder {
	t.Helper()

	r := &recorder{}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.auths = append(r.auths, req.Header.Get("Authorization"))
		r.headers = append(r.headers, req.Header.Clone())
		r.mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_, _ = w.Write([]byte("{}"))
	}))
	t.Cleanup(server.Close)
	r.url = server.URL

	return r
}

func (r *recorder) requests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.auths...)
}

// onlyRequest is the headers of the one request the recorder saw, failing
// the test when it saw another number.
func (r *recorder) onlyRequest(t *testing.T) http.Header {
	t.Helper()

	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.headers) != 1 {
		t.Fatalf("the endpoint saw %d requests, expected 1", len(r.headers))
	}
	return r.headers[0]
}

// signingKey is the access key id in the SigV4 Authorization header of a
// request, which names no secret.
func signingKey(h http.Header) string {
	_, credential, found := strings.Cut(h.Get("Authorization"), "Credential=")
	if !found {
		return ""
	}
	key, _, _ := strings.Cut(credential, "/")
	return key
}

// loopbackOnly is an HTTP client that sends requests to loopback only, so
// that a client which lost its endpoint fails its test instead of calling
// AWS.
type loopbackOnly struct{}

func (loopbackOnly) Do(req *http.Request) (*http.Response, error) {
	if ip := net.ParseIP(req.URL.Hostname()); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("the test sent a request to %s, expected loopback only", req.URL.Host)
	}
	return http.DefaultClient.Do(req)
}

// list lists the import jobs of a user pool through endpoint, or the
// endpoint cfg resolves when it is empty, on loopback only.
func list(t *testing.T, cfg aws.Config, endpoint string) {
	t.Helper()

	cfg.HTTPClient = loopbackOnly{}
	_, err := NewCognitoClient(cfg, endpoint).ListUserImportJobs(context.Background(),
		&cip.ListUserImportJobsInput{UserPoolId: aws.String("eu-west-1_Abc123"), MaxResults: aws.Int32(60)})
	if err != nil {
		t.Fatal(err)
	}
}

func TestLoad_noRegionIsAnError(t *testing.T) {
	isolate(t)

	_, err := Load(context.Background(), Settings{})

	if !errors.Is(err, ErrNoRegion) {
		t.Fatalf("got %v, expected ErrNoRegion", err)
	}
}

func TestLoad_explicitRegionBeatsEnvironment(t *testing.T) {
	isolate(t)
	t.Setenv("AWS_REGION", "us-east-1")

	cfg, err := Load(context.Background(), Settings{Region: "eu-west-1"})
	if err != nil {
		t.Fatal(err)
	}

	if cfg.Region != "eu-west-1" {
		t.Errorf("region is %s, expected the configured eu-west-1", cfg.Region)
	}
}

func TestLoad_regionFromEnvironment(t *testing.T) {
	isolate(t)
	t.Setenv("AWS_REGION", "ap-southeast-2")

	cfg, err := Load(context.Background(), Settings{})
	if err != nil {
		t.Fatal(err)
	}

	if cfg.Region != "ap-southeast-2" {
		t.Errorf("region is %s, expected AWS_REGION's ap-southeast-2", cfg.Region)
	}
}

func TestLoad_retrySettings(t *testing.T) {
	three, zero := 3, 0
	for name, tc := range map[string]struct {
		settings     Settings
		env          map[string]string
		wantAttempts int
		wantMode     aws.RetryMode
	}{
		"defaults":               {wantAttempts: 4, wantMode: aws.RetryModeStandard},
		"environment":            {env: map[string]string{"AWS_MAX_ATTEMPTS": "7", "AWS_RETRY_MODE": "adaptive"}, wantAttempts: 7, wantMode: aws.RetryModeAdaptive},
		"settings beat env":      {settings: Settings{MaxRetries: &three, RetryMode: "standard"}, env: map[string]string{"AWS_MAX_ATTEMPTS": "7", "AWS_RETRY_MODE": "adaptive"}, wantAttempts: 4, wantMode: aws.RetryModeStandard},
		"zero retries, one try":  {settings: Settings{MaxRetries: &zero}, wantAttempts: 1, wantMode: aws.RetryModeStandard},
		"adaptive from settings": {settings: Settings{RetryMode: "adaptive"}, wantAttempts: 4, wantMode: aws.RetryModeAdaptive},
	} {
		t.Run(name, func(t *testing.T) {
			isolate(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			tc.settings.Region = "eu-west-1"

			cfg, err := Load(context.Background(), tc.settings)
			if err != nil {
				t.Fatal(err)
			}

			if got := cfg.Retryer().MaxAttempts(); got != tc.wantAttempts {
				t.Errorf("retryer allows %d attempts, expected %d", got, tc.wantAttempts)
			}
			if cfg.RetryMode != tc.wantMode {
				t.Errorf("retry mode is %s, expected %s", cfg.RetryMode, tc.wantMode)
			}
			// The mode is only a label; what the clients use is the retryer.
			var built aws.RetryMode
			switch retryer := cfg.Retryer().(type) {
			case *retry.AdaptiveMode:
				built = aws.RetryModeAdaptive
			case *retry.Standard:
				built = aws.RetryModeStandard
			default:
				t.Fatalf("the retryer is a %T, expected a standard or adaptive one", retryer)
			}
			if built != tc.wantMode {
				t.Errorf("the retryer built is %s, expected %s", built, tc.wantMode)
			}
		})
	}
}

func TestLoad_makesNoRequestWithoutAssumeRole(t *testing.T) {
	isolate(t)
	r := newRecorder(t)
	t.Setenv("AWS_ENDPOINT_URL", r.url)

	if _, err := Load(context.Background(), Settings{Region: "eu-west-1"}); err != nil {
		t.Fatal(err)
	}

	if n := len(r.requests()); n != 0 {
		t.Errorf("Load sent %d requests, expected none", n)
	}
}

func TestNewCognitoClient_followsAWSEndpointURL(t *testing.T) {
	isolate(t)
	r := newRecorder(t)
	t.Setenv("AWS_ENDPOINT_URL", r.url)

	cfg, err := Load(context.Background(), Settings{Region: "eu-west-1", AccessKey: "AKIDEXPLICIT", SecretKey: "s"})
	if err != nil {
		t.Fatal(err)
	}
	list(t, cfg, "")

	if key := signingKey(r.onlyRequest(t)); key != "AKIDEXPLICIT" {
		t.Errorf("the endpoint of AWS_ENDPOINT_URL got a request signed with %q, expected AKIDEXPLICIT", key)
	}
}

func TestNewCognitoClient_explicitEndpointBeatsEnvironment(t *testing.T) {
	isolate(t)
	fromEnv, explicit := newRecorder(t), newRecorder(t)
	t.Setenv("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", fromEnv.url)

	cfg, err := Load(context.Background(), Settings{Region: "eu-west-1", AccessKey: "AKIDEXPLICIT", SecretKey: "s"})
	if err != nil {
		t.Fatal(err)
	}
	list(t, cfg, explicit.url)
	list(t, cfg, "")

	if n := len(explicit.requests()); n != 1 {
		t.Errorf("the configured endpoint got %d requests, expected 1", n)
	}
	if n := len(fromEnv.requests()); n != 1 {
		t.Errorf("the endpoint of AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER got %d requests, "+
			"expected 1, when no endpoint was configured", n)
	}
}

func TestLoad_explicitKeysBeatEnvironment(t *testing.T) {
	isolate(t)
	r := newRecorder(t)
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDFROMENV")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "env-secret")

	explicit, err := Load(context.Background(), Settings{Region: "eu-west-1", AccessKey: "AKIDEXPLICIT", SecretKey: "s"})
	if err != nil {
		t.Fatal(err)
	}
	fromEnv, err := Load(context.Background(), Settings{Region: "eu-west-1"})
	if err != nil {
		t.Fatal(err)
	}
	list(t, explicit, r.url)
	list(t, fromEnv, r.url)

	auths := r.requests()
	if len(auths) != 2 {
		t.Fatalf("got %d requests, expected 2", len(auths))
	}
	if !strings.Contains(auths[0], "Credential=AKIDEXPLICIT/") {
		t.Errorf("the request was not signed with the configured access key")
	}
	if !strings.Contains(auths[1], "Credential=AKIDFROMENV/") {
		t.Errorf("without configured keys, the request was not signed with AWS_ACCESS_KEY_ID")
	}
}

func TestLoad_sessionTokenIsSentWithTheKeys(t *testing.T) {
	const token = "fake-session-token-for-tests"
	for name, tc := range map[string]struct {
		settings Settings
		env      map[string]string
	}{
		"settings": {settings: Settings{AccessKey: "AKIDTEMPORARY", SecretKey: "s", Token: token}},
		"environment": {env: map[string]string{
			"AWS_ACCESS_KEY_ID": "AKIDTEMPORARY", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": token,
		}},
	} {
		t.Run(name, func(t *testing.T) {
			isolate(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			r := newRecorder(t)
			tc.settings.Region = "eu-west-1"

			cfg, err := Load(context.Background(), tc.settings)
			if err != nil {
				t.Fatal(err)
			}
			list(t, cfg, r.url)

			// The token is fake, but the messages quote no token all the same.
			request := r.onlyRequest(t)
			switch got := request.Get("X-Amz-Security-Token"); {
			case got == "":
				t.Error("the request carried no X-Amz-Security-Token, expected the session token")
			case got != token:
				t.Error("the request carried an X-Amz-Security-Token other than the session token")
			}
			if key := signingKey(request); key != "AKIDTEMPORARY" {
				t.Errorf("the request was signed with %q, expected AKIDTEMPORARY", key)
			}
		})
	}
}

func TestNewCognitoClient_speaksPlainHTTPOnlyWhenTheEndpointSaysSo(t *testing.T) {
	isolate(t)
	cfg, err := Load(context.Background(), Settings{Region: "eu-west-1", AccessKey: "AKIDTEST", SecretKey: "secret"})
	if err != nil {
		t.Fatal(err)
	}

	for endpoint, want := range map[string]string{
		"":                            "https://cognito-idp.eu-west-1.amazonaws.com",
		"https://cognito.example.com": "https://cognito.example.com",
		"http://127.0.0.1:4566":       "http://127.0.0.1:4566",
	} {
		client := NewCognitoClient(cfg, endpoint)
		options := client.Options()
		resolved, err := options.EndpointResolverV2.ResolveEndpoint(context.Background(),
			cip.EndpointParameters{Region: aws.String("eu-west-1"), Endpoint: options.BaseEndpoint})
		if err != nil {
			t.Fatal(err)
		}

		if got := resolved.URI.String(); got != want {
			t.Errorf("endpoint %q resolves to %s, expected %s", endpoint, got, want)
		}
	}
}
