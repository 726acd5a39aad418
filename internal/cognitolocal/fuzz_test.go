package cognitolocal_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// FuzzServer_decodesAnyRequest sends the endpoint signed requests of any
// target, media type and body. Whatever it is sent, it must answer in the
// protocol the request was routed to, never with a 500 (no fault is set),
// and never echo a secret key. Its seed corpus is in testdata/fuzz and
// runs with the ordinary tests; `make fuzz` explores further.
func FuzzServer_decodesAnyRequest(f *testing.F) {
	jobs := cognitolocal.GenerateJobs(poolID, 5, newest)
	secret := cognitolocal.DefaultCredential.SecretAccessKey

	f.Fuzz(func(t *testing.T, target, mediaType string, body []byte) {
		// A new endpoint for each input, so that a failure replays alone.
		s := cognitolocal.New()
		s.AddJobs(poolID, jobs...)
		s.AddRole(cognitolocal.Role{ARN: readerRole})
		req := httptest.NewRequestWithContext(context.Background(), http.MethodPost, "http://127.0.0.1/",
			bytes.NewReader(body))
		req.Header.Set("Content-Type", mediaType)
		if target != "" {
			req.Header.Set("X-Amz-Target", target)
		}
		// A form without a target is for STS, and signed for it; a request
		// the endpoint routes otherwise is refused for its signature, which
		// is an answer like any other.
		service := "cognito-idp"
		if target == "" && strings.Contains(strings.ToLower(mediaType), "x-www-form-urlencoded") {
			service = "sts"
		}
		sum := sha256.Sum256(body)
		cred := aws.Credentials{AccessKeyID: cognitolocal.DefaultCredential.AccessKeyID, SecretAccessKey: secret}
		if err := v4.NewSigner().SignHTTP(context.Background(), cred, req, hex.EncodeToString(sum[:]),
			service, "eu-west-1", time.Now()); err != nil {
			t.Skip("the signer refuses the request")
		}

		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		answer := rec.Body.Bytes()

		if rec.Code != 200 && rec.Code != 400 && rec.Code != 403 {
			t.Fatalf("answered status %d (%s), expected 200, 400 or 403", rec.Code, answer)
		}
		if bytes.Contains(answer, []byte(secret)) {
			t.Fatal("the answer holds the secret key")
		}

		// STS answers in XML, the user pools API in JSON.
		if rec.Header().Get("Content-Type") == "text/xml" {
			if err := xml.Unmarshal(answer, new(struct{})); err != nil {
				t.Fatalf("the STS answer is not XML: %v", err)
			}
			return
		}

		if rec.Code == 200 {
			var object map[string]any
			if err := json.Unmarshal(answer, &object); err != nil {
				t.Fatalf("the 200 answer is not a JSON object: %v", err)
			}
			return
		}
		expectProtocolError(t, rec)
	})
}

// expectProtocolError fails the test unless rec holds an error of the
// protocol: a JSON body naming its type and a message, and the same type in
// the X-Amzn-Errortype header.
func expectProtocolError(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()

	answer := rec.Body.Bytes()
	var e struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(answer, &e); err != nil || e.Type == "" || e.Message == "" {
		t.Fatalf("the %d answer %q is not an error of the protocol", rec.Code, answer)
	}
	if got := rec.Header().Get("X-Amzn-Errortype"); got != e.Type {
		t.Fatalf("the error header names %s and the body %s", got, e.Type)
	}
}
