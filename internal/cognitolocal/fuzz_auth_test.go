package cognitolocal_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// fuzzListBody is the body of every request of
// FuzzServer_authenticatesAnyRequestLine. The signed requests of its seed
// corpus were signed over it, with DefaultCredential, at 20261119T101500Z.
const fuzzListBody = `{"UserPoolId":"eu-west-1_Local0001","MaxResults":2}`

// FuzzServer_authenticatesAnyRequestLine sends the endpoint requests of
// any method, path, query string, target, Authorization and X-Amz-Date,
// with a fixed body, so that the parsing of signatures and the routing to
// uploads see what no signer would send. Whatever it is sent, it must
// answer in the protocol it routed the request to, never with a 500 (no
// fault is set), and never echo the secret key. Its seed corpus is in
// testdata/fuzz and runs with the ordinary tests.
func FuzzServer_authenticatesAnyRequestLine(f *testing.F) {
	jobs := cognitolocal.GenerateJobs(poolID, 3, newest)
	secret := cognitolocal.DefaultCredential.SecretAccessKey

	f.Fuzz(func(t *testing.T, method, path, query, target, authorization, amzDate string) {
		// Only what net/http's server lets through to a handler: a method
		// that is a token, a path from the root, a query string without
		// blanks, and header values without control characters.
		if !isToken(method) || !strings.HasPrefix(path, "/") || strings.ContainsAny(query, " \t") ||
			!headerValues(query, target, authorization, amzDate) {
			t.Skip("net/http refuses such a request before a handler sees it")
		}

		// A new endpoint for each input, so that a failure replays alone.
		s := cognitolocal.New()
		s.AddJobs(poolID, jobs...)
		req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, "http://127.0.0.1/",
			strings.NewReader(fuzzListBody))
		if err != nil {
			t.Fatal(err)
		}
		req.Method = method
		req.URL.Path, req.URL.RawQuery = path, query
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
		for name, value := range map[string]string{
			"X-Amz-Target": target, "Authorization": authorization, "X-Amz-Date": amzDate,
		} {
			if value != "" {
				req.Header.Set(name, value)
			}
		}

		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		answer := rec.Body.Bytes()

		if rec.Code >= 500 {
			t.Fatalf("answered status %d (%s), expected no server error", rec.Code, answer)
		}
		if bytes.Contains(answer, []byte(secret)) {
			t.Fatal("the answer holds the secret key")
		}

		switch media := rec.Header().Get("Content-Type"); {
		case media == "application/xml" || media == "text/xml":
			// An upload's or STS's error, in S3's or STS's XML.
			if err := xml.Unmarshal(answer, new(struct{})); err != nil {
				t.Fatalf("the %d answer of type %s is not XML: %v", rec.Code, media, err)
			}
		case rec.Code == 200 && method == http.MethodPut:
			// An upload taken: S3 answers it with an ETag and no body.
			if rec.Header().Get("ETag") == "" {
				t.Fatal("the upload was taken without an ETag")
			}
		case media != "application/x-amz-json-1.1":
			t.Fatalf("the %d answer has Content-Type %q, expected the user pools API's", rec.Code, media)
		case rec.Code == 200:
			var object map[string]any
			if err := json.Unmarshal(answer, &object); err != nil {
				t.Fatalf("the 200 answer is not a JSON object: %v", err)
			}
		default:
			expectProtocolError(t, rec)
		}
	})
}

// isToken reports whether s is an HTTP token, as a method must be.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// headerValues reports whether every value may travel in an HTTP header:
// no control characters but tabs.
func headerValues(values ...string) bool {
	for _, v := range values {
		for _, c := range []byte(v) {
			if (c < ' ' && c != '\t') || c == 0x7f {
				return false
			}
		}
	}
	return true
}
