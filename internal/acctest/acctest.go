// Package acctest holds what the acceptance tests share: the provider
// factories, the check that a real Terraform CLI is named, and a local
// Cognito endpoint per test.
package acctest

import (
	"bytes"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
	"github.com/cognito-tf/terraform-provider-cognito/internal/provider"
)

// Region is the region the tests' provider is configured for, and the one
// their user pool ids start with.
const Region = "eu-west-1"

// ProtoV6ProviderFactories serve the provider in-process to the Terraform
// CLI that terraform-plugin-testing runs.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"cognito": providerserver.NewProtocol6WithError(provider.New("test")()),
}

// PreCheck stops a test early unless TF_ACC_TERRAFORM_PATH names a Terraform
// or OpenTofu binary by an absolute path, and TF_ACC_PROVIDER_HOST is the
// registry host that CLI uses. Without a path terraform-plugin-testing would
// try to download Terraform, which fails offline after a long wait.
func PreCheck(t *testing.T) {
	t.Helper()

	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	switch {
	case path == "":
		t.Fatal("TF_ACC_TERRAFORM_PATH is not set: point it at a Terraform binary " +
			"(make test builds one into .tools/)")
	case !filepath.IsAbs(path):
		t.Fatalf("TF_ACC_TERRAFORM_PATH is %q: it must be an absolute path", path)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("TF_ACC_TERRAFORM_PATH: %v", err)
	}
	if err := checkProviderHost(path); err != nil {
		t.Fatal(err)
	}
}

// Endpoint is a local Cognito endpoint serving one test on loopback.
type Endpoint struct {
	*cognitolocal.Server
	URL string

	mu         sync.Mutex
	beforePage []func(token string)
}

// NewEndpoint starts an empty endpoint on a free port, closed when the test
// ends. It accepts the given key pairs, or cognitolocal.DefaultCredential
// when none are given.
func NewEndpoint(t *testing.T, credentials ...cognitolocal.Credential) *Endpoint {
	t.Helper()

	e := &Endpoint{Server: cognitolocal.New(credentials...)}
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	e.URL = ts.URL

	return e
}

// NewTLSEndpoint is NewEndpoint serving HTTPS, with a certificate of its
// own for 127.0.0.1. It returns the path of a PEM file holding that
// certificate, for AWS_CA_BUNDLE, so that a client can trust it.
func NewTLSEndpoint(t *testing.T) (*Endpoint, string) {
	t.Helper()

	e := &Endpoint{Server: cognitolocal.New()}
	ts := httptest.NewTLSServer(e)
	t.Cleanup(ts.Close)
	e.URL = ts.URL

	bundle := filepath.Join(t.TempDir(), "ca-bundle.pem")
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ts.Certificate().Raw})
	if err := os.WriteFile(bundle, cert, 0o600); err != nil {
		t.Fatal(err)
	}

	return e, bundle
}

// BeforeEachPage makes the endpoint call f before it answers each
// ListUserImportJobs request, with the request's pagination token, empty
// for a first page. The client waits for the answer, so what f changes is
// in place before the client can send anything else: this is how a test
// creates jobs, or sets faults, between two pages of one listing.
func (e *Endpoint) BeforeEachPage(f func(token string)) {
	e.mu.Lock()
	defer e.mu.Unlock()

	e.beforePage = append(e.beforePage, f)
}

// ServeHTTP runs the BeforeEachPage functions, then lets the endpoint
// answer.
func (e *Endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.mu.Lock()
	hooks := slices.Clone(e.beforePage)
	e.mu.Unlock()

	if len(hooks) > 0 && strings.HasSuffix(r.Header.Get("X-Amz-Target"), ".ListUserImportJobs") {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))

		var members struct{ PaginationToken string }
		_ = json.Unmarshal(body, &members)
		for _, f := range hooks {
			f(members.PaginationToken)
		}
	}

	e.Server.ServeHTTP(w, r)
}

// ProviderConfig is a provider block that points at the endpoint with its
// key pair, in Region.
func (e *Endpoint) ProviderConfig() string {
	return e.ProviderConfigIn(Region)
}

// ProviderConfigIn is ProviderConfig for another region.
func (e *Endpoint) ProviderConfigIn(region string) string {
	return fmt.Sprintf(`
provider "cognito" {
  region     = %q
  endpoint   = %q
  access_key = %q
  secret_key = %q
}
`, region, e.URL, cognitolocal.DefaultCredential.AccessKeyID, cognitolocal.DefaultCredential.SecretAccessKey)
}

// Listings groups the endpoint's ListUserImportJobs calls into listings,
// one per read: a call without a pagination token starts a listing. A call
// is all the attempts of one SDK invocation, represented by its last one,
// so that a transparent retry is not taken for a page of its own. (The SDK
// retries, for one, a response cut short by a connection its transport
// closed while reusing it; see aws/aws-sdk-go-v2#2737.)
func (e *Endpoint) Listings() [][]cognitolocal.Request {
	var calls []cognitolocal.Request
	index := make(map[string]int)
	for _, req := range e.RequestLog() {
		if req.Operation != "ListUserImportJobs" {
			continue
		}
		if i, seen := index[req.InvocationID]; seen && req.InvocationID != "" {
			calls[i] = req
			continue
		}
		index[req.InvocationID] = len(calls)
		calls = append(calls, req)
	}

	var listings [][]cognitolocal.Request
	for _, call := range calls {
		if call.PaginationToken == nil || len(listings) == 0 {
			listings = append(listings, nil)
		}
		listings[len(listings)-1] = append(listings[len(listings)-1], call)
	}
	return listings
}

// CheckListings fails the test unless there was at least one listing, every
// listing took exactly pages calls, and every request asked for
// userPoolID with MaxResults 60, as a paginated listing must.
func (e *Endpoint) CheckListings(t *testing.T, userPoolID string, pages int) {
	t.Helper()

	listings := e.Listings()
	if len(listings) == 0 {
		t.Fatalf("expected the pool %s to be listed, but the endpoint saw no ListUserImportJobs request", userPoolID)
	}
	for i, listing := range listings {
		if len(listing) != pages {
			t.Errorf("listing %d took %d calls, expected %d (error codes: %v)",
				i+1, len(listing), pages, errorCodes(listing))
		}
		for j, req := range listing {
			if req.UserPoolID != userPoolID || req.MaxResults != 60 {
				t.Errorf("listing %d, request %d asked for pool %q with MaxResults %d, "+
					"expected pool %q with MaxResults 60", i+1, j+1, req.UserPoolID, req.MaxResults, userPoolID)
			}
		}
	}
}

// CallAttempts groups the endpoint's requests of an operation, such as
// "ListUserImportJobs", by SDK call: each element holds every attempt of
// one call, in the order the endpoint answered them, and the calls come in
// the order they started. Requests without an invocation id are calls of
// their own.
func (e *Endpoint) CallAttempts(operation string) [][]cognitolocal.Request {
	var calls [][]cognitolocal.Request
	index := make(map[string]int)
	for _, req := range e.RequestLog() {
		if req.Operation != operation {
			continue
		}
		if i, seen := index[req.InvocationID]; seen && req.InvocationID != "" {
			calls[i] = append(calls[i], req)
			continue
		}
		index[req.InvocationID] = len(calls)
		calls = append(calls, []cognitolocal.Request{req})
	}
	return calls
}

func errorCodes(requests []cognitolocal.Request) []string {
	var codes []string
	for _, req := range requests {
		if req.ErrorCode != "" {
			codes = append(codes, req.ErrorCode)
		}
	}
	return codes
}
