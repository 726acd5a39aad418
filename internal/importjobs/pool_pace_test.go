package importjobs

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

func TestPoolPace_letsEveryRequestThroughUntilThrottled(t *testing.T) {
	var p poolPace

	start := time.Now()
	for range 20 {
		if err := p.wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}

	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("20 waits on a pool never throttled took %s, expected no wait at all", elapsed)
	}
}

func TestPoolPace_spacesAttemptsOnceThrottled(t *testing.T) {
	var p poolPace
	if !p.throttle(time.Now()) {
		t.Error("the first throttle did not report that it starts the pace")
	}
	if p.throttle(time.Now()) {
		t.Error("a second throttle reported that it starts the pace again")
	}

	start := time.Now()
	for range 3 {
		if err := p.wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	elapsed := time.Since(start)

	// The throttled attempt's interval, then two more between the three.
	if want := 3 * pacedInterval; elapsed < want-10*time.Millisecond || elapsed > 10*want {
		t.Errorf("three waits after a throttle took %s, expected about %s", elapsed, want)
	}
}

func TestPoolPace_waitEndsWithItsContext(t *testing.T) {
	var p poolPace
	p.throttle(time.Now())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()

	err := p.wait(ctx)

	var canceled *aws.RequestCanceledError
	if !errors.As(err, &canceled) || !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, expected a cancelled request the SDK does not retry", err)
	}
}

func TestConn_sharesOnePacePerUserPool(t *testing.T) {
	var c Conn

	first, again := c.pace("eu-west-1_A1"), c.pace("eu-west-1_A1")
	if first != again {
		t.Error("two reads of one pool got different paces, expected them to share one")
	}
	if c.pace("eu-west-1_A1") == c.pace("eu-west-1_B1") {
		t.Error("two pools share a pace, expected one each: the service's quota is per pool")
	}
}

func TestJobLister_spacesTheRequestsOfAPoolOnceThrottled(t *testing.T) {
	server := cognitolocal.New()
	jobs := cognitolocal.GenerateJobs(fakePoolID, 250, time.Date(2026, 11, 19, 10, 15, 0, 0, time.UTC))
	server.AddJobs(fakePoolID, jobs...)
	server.SetPoolFaults(fakePoolID, cognitolocal.Faults{Throttle: 1})
	client, arrivalsOf := recordArrivals(t, server)

	listed := 0
	err := jobLister{api: client, pace: &poolPace{}}.each(context.Background(), fakePoolID,
		func(types.UserImportJobType) bool {
			listed++
			return true
		})
	if err != nil {
		t.Fatal(err)
	}

	// The first attempt is throttled; its retry and the four pages after it
	// each wait their turn. Unpaced, they would follow one another within
	// milliseconds.
	arrivals := arrivalsOf()
	if listed != len(jobs) || len(arrivals) < 6 {
		t.Fatalf("listed %d jobs in %d requests, expected %d jobs in 6 or more", listed, len(arrivals), len(jobs))
	}
	expectPaced(t, arrivals)
}

func TestOneCallReads_waitTheirTurnOnAThrottledPool(t *testing.T) {
	server := cognitolocal.New()
	jobs := cognitolocal.GenerateJobs(fakePoolID, 1, time.Date(2026, 11, 19, 10, 15, 0, 0, time.UTC))
	server.AddJobs(fakePoolID, jobs...)
	client, arrivalsOf := recordArrivals(t, server)
	var pace poolPace
	pace.throttle(time.Now())

	for range 2 {
		if _, err := findUserImportJob(context.Background(), client, &pace, fakePoolID, jobs[0].JobId); err != nil {
			t.Fatal(err)
		}
		if _, err := findCSVHeader(context.Background(), client, &pace, fakePoolID); err != nil {
			t.Fatal(err)
		}
	}

	// A for_each over job_ids reads a job a request: once the pool is
	// throttled, those reads share its pace with the listing.
	arrivals := arrivalsOf()
	if len(arrivals) != 4 {
		t.Fatalf("the endpoint saw %d requests, expected 4", len(arrivals))
	}
	expectPaced(t, arrivals)
}

// recordArrivals serves server on loopback and returns a client of it and
// a function that gives the times at which its requests arrived.
func recordArrivals(t *testing.T, server *cognitolocal.Server) (*cip.Client, func() []time.Time) {
	t.Helper()

	var mu sync.Mutex
	var arrivals []time.Time
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		server.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	cred := cognitolocal.DefaultCredential
	client := cip.New(cip.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(ts.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(cred.AccessKeyID, cred.SecretAccessKey, ""),
	})

	return client, func() []time.Time {
		mu.Lock()
		defer mu.Unlock()
		return append([]time.Time(nil), arrivals...)
	}
}

// expectPaced fails unless each request arrived about pacedInterval after
// the one before; half the interval leaves room for a busy machine.
func expectPaced(t *testing.T, arrivals []time.Time) {
	t.Helper()

	for i := 1; i < len(arrivals); i++ {
		if gap := arrivals[i].Sub(arrivals[i-1]); gap < pacedInterval/2 {
			t.Errorf("request %d came %s after the one before, expected about %s once throttled",
				i+1, gap, pacedInterval)
		}
	}
}

func TestPoolPace_waitPastTheDeadlineEndsAtTheDeadline(t *testing.T) {
	var p poolPace
	p.throttle(time.Now())
	deadline := time.Now().Add(pacedInterval / 5)
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()

	err := p.wait(ctx)

	// The limiter refuses at once a turn after the deadline; the read must
	// still end at its deadline, as a read that timed out.
	if early := time.Until(deadline); early > 0 {
		t.Errorf("wait ended %s before its deadline, expected it to end at the deadline", early)
	}
	var canceled *aws.RequestCanceledError
	if !errors.As(err, &canceled) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, expected a cancelled request past its deadline", err)
	}
}
