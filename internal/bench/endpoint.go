package bench

import (
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// operationList is the one operation a read may call.
const operationList = "ListUserImportJobs"

// newestJob is when the newest generated job of every pool was created; a
// fixed instant, so that every run lists the same jobs.
var newestJob = time.Date(2026, 11, 19, 10, 15, 0, 0, time.UTC)

// poolID is the id of the benchmark pool that holds n jobs.
func poolID(n int) string {
	return fmt.Sprintf("eu-west-1_Bench%d", n)
}

// endpoint is a local Cognito endpoint on loopback serving one scenario:
// a pool of each size asked for, and the faults of the scenario.
type endpoint struct {
	*cognitolocal.Server
	URL string
	srv *http.Server
}

// startEndpoint serves a pool of n generated jobs for each n of sizes, with
// faults on the whole endpoint.
func startEndpoint(faults cognitolocal.Faults, sizes ...int) (*endpoint, error) {
	server := cognitolocal.New()
	for _, n := range sizes {
		server.AddPool(poolID(n), cognitolocal.PoolOptions{})
		server.AddJobs(poolID(n), cognitolocal.GenerateJobs(poolID(n), n, newestJob)...)
	}
	server.SetFaults(faults)

	// Loopback only: the endpoint accepts a key pair that is no secret.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("starting the local endpoint: %w", err)
	}
	srv := &http.Server{Handler: server, ReadHeaderTimeout: 10 * time.Second}
	// Serve returns when the scenario closes the endpoint; should it fail
	// before, the scenario's requests fail and say so.
	go func() { _ = srv.Serve(ln) }()

	return &endpoint{Server: server, URL: "http://" + ln.Addr().String(), srv: srv}, nil
}

func (e *endpoint) close() {
	_ = e.srv.Close()
}

// mark is a place in the endpoint's request log, to count what came after.
func (e *endpoint) mark() int {
	return len(e.RequestLog())
}

// traffic is what the endpoint saw of one run.
type traffic struct {
	// listCalls are the SDK calls of ListUserImportJobs, and otherCalls
	// those of every other operation: the attempts of one call share an
	// amz-sdk-invocation-id and count once.
	listCalls  int
	otherCalls int

	// requests are the HTTP requests, retries and transparent resends
	// included, and throttled those that the rate limit refused.
	requests  int
	throttled int
}

// trafficSince counts what the endpoint served after mark.
func (e *endpoint) trafficSince(mark int) traffic {
	var t traffic
	calls := make(map[string]bool)
	for _, req := range e.RequestLog()[mark:] {
		t.requests++
		if req.Fault == cognitolocal.FaultRateLimit || req.Fault == cognitolocal.FaultThrottle {
			t.throttled++
		}

		key := req.InvocationID
		if key == "" {
			// A request without an invocation id is a call of its own.
			key = fmt.Sprintf("request-%d", t.requests)
		}
		if calls[key] {
			continue
		}
		calls[key] = true
		if req.Operation == operationList {
			t.listCalls++
		} else {
			t.otherCalls++
		}
	}
	return t
}
