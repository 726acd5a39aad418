package importjobs_test

// The fault matrix: one test for each way the service or the network can
// fail a read, through the real Terraform CLI against the local endpoint.
// Each asserts what the user sees and how many attempts each SDK call made,
// counted by the endpoint per amz-sdk-invocation-id. Where a test bounds
// time, the bound is ten times what is expected, so that a slow machine
// does not fail it.

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

const listOperation = "ListUserImportJobs"

// faults names the fault of each attempt of a call, "ok" for an attempt the
// endpoint answered without one, up to the first "ok". The SDK never
// retries an answer it has read; an attempt after a good answer is the
// SDK resending a request whose answer its transport lost on a closed
// connection (aws/aws-sdk-go-v2#2737), which is none of the provider's
// doing.
func faults(call []cognitolocal.Request) []string {
	names := make([]string, 0, len(call))
	for _, attempt := range call {
		switch {
		case attempt.Fault != "":
			names = append(names, attempt.Fault)
		case attempt.ErrorCode != "":
			names = append(names, attempt.ErrorCode)
		default:
			return append(names, "ok")
		}
	}
	return names
}

// expectAttempts fails the test unless every listing took calls calls, the
// calls of the first listing met exactly these faults, want[i] for its i-th
// call, and every other call was answered at its first attempt. Counted
// faults are used up by the first listing; terraform-plugin-testing reads
// the data source again in later commands of a step.
func expectAttempts(t *testing.T, e *acctest.Endpoint, calls int, want ...[]string) {
	t.Helper()

	all := e.CallAttempts(listOperation)
	if len(all) == 0 || len(all)%calls != 0 {
		t.Fatalf("the endpoint saw %d ListUserImportJobs calls, expected listings of %d calls each",
			len(all), calls)
	}
	for i, call := range all {
		expected := []string{"ok"}
		if n := i % calls; n < len(want) && i < calls {
			expected = want[n]
		}
		if got := faults(call); fmt.Sprint(got) != fmt.Sprint(expected) {
			t.Errorf("call %d of listing %d had attempts %v, expected %v",
				i%calls+1, i/calls+1, got, expected)
		}
	}
}

// logLines are the lines of a Terraform log file that hold every fragment.
func logLines(t *testing.T, path string, fragments ...string) []string {
	t.Helper()

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading the Terraform log: %v", err)
	}

	var lines []string
	for _, line := range strings.Split(string(raw), "\n") {
		keep := true
		for _, fragment := range fragments {
			keep = keep && strings.Contains(line, fragment)
		}
		if keep {
			lines = append(lines, line)
		}
	}
	return lines
}

// loggedWorkspace is a workspace of config whose commands log at level
// into the file it returns.
func loggedWorkspace(t *testing.T, config, level string) (*acctest.Workspace, string) {
	t.Helper()

	w := acctest.NewConfigWorkspace(t, config)
	logPath := filepath.Join(t.TempDir(), "terraform.log")
	w.Setenv("TF_LOG", level)
	w.Setenv("TF_LOG_PATH", logPath)

	return w, logPath
}

func TestAccUserImportJobsFaults_throttledThenRecoveringReadsEveryJobAndLogsTheRetries(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 120, newest)
	e.AddJobs(testPoolID, jobs...)
	e.SetPoolFaults(testPoolID, cognitolocal.Faults{Throttle: 2})

	w, logPath := loggedWorkspace(t, jobsConfig(e, testPoolID, "", jobIDsOutput), "DEBUG")
	w.MustRun("init", "-no-color")
	w.MustRun("apply", "-no-color", "-auto-approve")

	assertJSONEqual(t, "job_ids", w.Outputs()["job_ids"], jobIDsOf(jobs))

	// Two throttled attempts of the first page, then its answer; the other
	// two pages at once.
	expectAttempts(t, e, 3, []string{"Throttle", "Throttle", "ok"})

	retries := logLines(t, logPath, "retrying AWS request", "user_pool_id="+testPoolID,
		"operation=ListUserImportJobs", "reason=TooManyRequestsException", "waited_ms=")
	if len(retries) != 2 {
		t.Fatalf("the debug log has %d retry lines after throttling for the pool, expected 2:\n%s",
			len(retries), strings.Join(logLines(t, logPath, "retrying AWS request"), "\n"))
	}
}

func TestAccUserImportJobsFaults_rateLimitedThousandJobsCompleteAtAPace(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 1000, newest)
	e.AddJobs(testPoolID, jobs...)
	// The service's read quota: five requests a second for each pool.
	e.SetFaults(cognitolocal.Faults{RateLimit: 5})

	w := acctest.NewConfigWorkspace(t, jobsConfig(e, testPoolID, "", `
output "distinct_job_ids" {
  value = length(distinct(data.cognito_user_import_jobs.test.job_ids))
}
`+jobIDsOutput))
	w.MustRun("init", "-no-color")
	start := time.Now()
	w.MustRun("apply", "-no-color", "-auto-approve")
	elapsed := time.Since(start)

	outputs := w.Outputs()
	assertJSONEqual(t, "job_ids", outputs["job_ids"], jobIDsOf(jobs))
	assertJSONEqual(t, "distinct_job_ids", outputs["distinct_job_ids"], 1000)

	// Twenty pages, each read in the end. The first pages go out at once
	// and meet the limit; the pace that follows keeps the rest under it,
	// so that one throttled attempt is expected, and another only if a busy
	// machine bunches two requests together. Without the pace, the SDK's
	// retries alone meet the limit five to seven times in such a read. A
	// machine so busy that every page takes a fifth of a second never meets
	// the limit at all.
	calls := e.CallAttempts(listOperation)
	if len(calls) != 20 {
		t.Fatalf("the endpoint saw %d ListUserImportJobs calls, expected 20", len(calls))
	}
	throttled := 0
	for i, call := range calls {
		got := faults(call)
		if got[len(got)-1] != "ok" {
			t.Errorf("call %d ended with %v, expected it to succeed", i+1, got)
		}
		throttled += len(got) - 1
	}
	if throttled > 3 {
		t.Errorf("%d attempts were throttled, expected 1 at most but for a busy machine: "+
			"the limit met once, then the pace", throttled)
	}

	// About four seconds: five pages at once, a throttled page retried a
	// quarter to one second later, then fourteen pages at four a second.
	t.Logf("read 1,000 jobs at 5 requests a second in %s, %d attempts throttled", elapsed, throttled)
	if ceiling := 40 * time.Second; elapsed > ceiling {
		t.Errorf("the read took %s, expected about 4s and at most %s", elapsed, ceiling)
	}
}

func TestAccUserImportJobsFaults_throttledForGoodFailsAfterTheAttemptsAllowed(t *testing.T) {
	for name, tc := range map[string]struct {
		setting  string
		attempts int
		bound    time.Duration
	}{
		// The SDK waits up to 1s, 2s and 4s before the three default retries.
		"default retries": {"", 4, 7 * time.Second},
		"max_retries = 1": {"max_retries = 1", 2, time.Second},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()

			e := acctest.NewEndpoint(t)
			e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 3, newest)...)
			e.SetPoolFaults(testPoolID, cognitolocal.Faults{Throttle: cognitolocal.Always})
			provider := strings.Replace(e.ProviderConfig(), "region", tc.setting+"\n  region", 1)

			start := time.Now()
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: provider + fmt.Sprintf(`
data "cognito_user_import_jobs" "test" {
  user_pool_id = %q
}
`, testPoolID),
					ExpectError: errorPattern(
						"Error: listing Cognito user import jobs ("+testPoolID+")",
						"ListUserImportJobs failed on page 1 with TooManyRequestsException: Rate exceeded",
						fmt.Sprintf("(gave up after %d attempts)", tc.attempts),
						"The service throttled the requests: the user pool's request quota"),
				}},
			})
			elapsed := time.Since(start)

			// Every read stopped at its first page, after the attempts
			// allowed, each of them throttled.
			want := strings.TrimSpace(strings.Repeat("Throttle ", tc.attempts))
			calls := e.CallAttempts(listOperation)
			if len(calls) == 0 {
				t.Fatal("the endpoint saw no ListUserImportJobs call")
			}
			for i, call := range calls {
				if got := strings.Join(faults(call), " "); got != want {
					t.Errorf("call %d had attempts [%s], expected [%s]", i+1, got, want)
				}
			}

			// The bound the docs state, plus a few seconds of Terraform's own
			// work, ten times over.
			if ceiling := 10 * (tc.bound + 3*time.Second); elapsed > ceiling {
				t.Errorf("the failed read took %s, expected at most %s plus Terraform's own time",
					elapsed, tc.bound)
			}
		})
	}
}

func TestAccUserImportJobsFaults_internalErrorsThenRecoveringAreRetried(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 70, newest)
	e.AddJobs(testPoolID, jobs...)
	e.SetPoolFaults(testPoolID, cognitolocal.Faults{InternalErrors: 2})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", jobIDsOutput),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("job_ids", knownvalue.ListExact(jobIDChecks(jobs))),
			},
		}},
	})

	// Both 500s meet the first page of the first read, which the third
	// attempt reads; every later call succeeds at once.
	expectAttempts(t, e, 2, []string{"InternalError", "InternalError", "ok"})
}

func TestAccUserImportJobsFaults_malformedAnswerFailsWithoutAPartialList(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 120, newest)...)
	// The first page is read whole; the answer to the second is cut short.
	var once sync.Once
	e.BeforeEachPage(func(token string) {
		if token != "" {
			once.Do(func() { e.SetPoolFaults(testPoolID, cognitolocal.Faults{MalformedBodies: 1}) })
		}
	})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", jobIDsOutput),
			ExpectError: errorPattern("Error: listing Cognito user import jobs ("+testPoolID+")",
				"ListUserImportJobs failed on page 2: the answer could not be read",
				"it is not the JSON that the API answers, so the read stopped and kept nothing."),
		}},
	})

	// The cut answer is not retried: the SDK cannot tell what of it arrived.
	expectAttempts(t, e, 2, []string{"ok"}, []string{"MalformedBody"})
}

func TestAccUserImportJobsFaults_unreachableEndpointsFailFastNamingTheAddress(t *testing.T) {
	t.Parallel()

	// A port that was just free, and is closed again: connections to it are
	// refused.
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + listener.Addr().String()
	if err := listener.Close(); err != nil {
		t.Fatal(err)
	}
	// RFC 6761 reserves .invalid: the name cannot resolve anywhere.
	unresolvable := "http://cognito-idp.eu-west-1.invalid:4566"

	cred := cognitolocal.DefaultCredential
	providers := ""
	for alias, endpoint := range map[string]string{"refused": refused, "unresolvable": unresolvable} {
		providers += fmt.Sprintf(`
provider "cognito" {
  alias      = %q
  region     = "eu-west-1"
  endpoint   = %q
  access_key = %q
  secret_key = %q
}

data "cognito_user_import_jobs" %q {
  provider     = cognito.%s
  user_pool_id = "eu-west-1_%s"
}
`, alias, endpoint, cred.AccessKeyID, cred.SecretAccessKey, alias, alias, strings.ToUpper(alias[:1])+alias[1:]+"1")
	}
	w, logPath := loggedWorkspace(t, providers, "DEBUG")
	w.MustRun("init", "-no-color")

	start := time.Now()
	_, stderr, err := w.Run("plan", "-no-color")
	elapsed := time.Since(start)
	if err == nil {
		t.Fatal("expected the plan to fail on endpoints that cannot be reached")
	}

	for _, want := range []*regexp.Regexp{
		errorPattern("ListUserImportJobs failed on page 1: the endpoint "+refused+"/ could not be reached",
			"connection refused", "(gave up after 4 attempts)."),
		errorPattern("ListUserImportJobs failed on page 1: the host cognito-idp.eu-west-1.invalid " +
			"of the endpoint " + unresolvable + "/ does not resolve (no such host)."),
	} {
		if !want.MatchString(stderr) {
			t.Errorf("expected the plan's errors to match %s; stderr:\n%s", want, stderr)
		}
	}

	// A refused connection is retried, three times by default, quickly: the
	// SDK waits at most 50ms, 100ms and 200ms. A name that does not exist
	// is not retried.
	if n := len(logLines(t, logPath, "retrying AWS request", "user_pool_id=eu-west-1_Refused1")); n != 3 {
		t.Errorf("the log shows %d retries of the refused connection, expected 3", n)
	}
	if n := len(logLines(t, logPath, "retrying AWS request", "user_pool_id=eu-west-1_Unresolvable1")); n != 0 {
		t.Errorf("the log shows %d retries of the unresolvable host, expected none", n)
	}
	if ceiling := 30 * time.Second; elapsed > ceiling {
		t.Errorf("the plan took %s to fail, expected about 3s and at most %s", elapsed, ceiling)
	}
}

func TestAccUserImportJobsFaults_repeatedTokenFailsRatherThanLoops(t *testing.T) {
	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 120, newest)...)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{RepeatToken: true})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", ""),
			ExpectError: errorPattern("Error: listing Cognito user import jobs ("+testPoolID+")",
				"ListUserImportJobs failed on page 2: the service answered "+
					"with a pagination token it had already given in this listing."),
		}},
	})

	// The first page's token, then the same token again: two calls of one
	// attempt each, and no third.
	expectAttempts(t, e, 2)
}

func TestAccUserImportJobsFaults_runawayListingStopsAtThePageLimit(t *testing.T) {
	e := acctest.NewEndpoint(t)
	// One job a page, and more jobs than the page limit: tokens that never
	// repeat and a listing that would go on past any real pool's.
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 5001, newest)...)
	e.AddPool(testPoolID, cognitolocal.PoolOptions{PageSize: 1})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, "", ""),
			ExpectError: errorPattern("Error: listing Cognito user import jobs ("+testPoolID+")",
				"the listing did not end within the page limit of 5000 pages.",
				"A user pool holds at most 1,000 import jobs"),
		}},
	})

	expectAttempts(t, e, 5000)
}

func TestAccUserImportJobsFaults_readTimeoutBoundsARead(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 30, newest)...)
	// Thirty pages of half a second each: fifteen seconds to read them all.
	e.SetPoolFaults(testPoolID, cognitolocal.Faults{PageSize: 1, Latency: 500 * time.Millisecond})

	start := time.Now()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: jobsConfig(e, testPoolID, `
  timeouts {
    read = "2s"
  }`, ""),
			ExpectError: errorPattern("Error: listing Cognito user import jobs ("+testPoolID+")",
				"the read did not finish within its read timeout of 2s, so it stopped "+
					"and kept nothing."),
		}},
	})
	elapsed := time.Since(start)

	// Four pages fit in two seconds; the fifth is cut short. None is
	// retried once the time is up.
	for i, call := range e.CallAttempts(listOperation) {
		if got := faults(call); len(got) != 1 {
			t.Errorf("call %d had attempts %v, expected 1: nothing is retried past the timeout",
				i+1, got)
		}
	}
	if calls := len(e.CallAttempts(listOperation)); calls > 5 {
		t.Errorf("the endpoint saw %d calls, expected at most 5 in the 2s the read may take", calls)
	}
	if ceiling := 10 * (2*time.Second + 3*time.Second); elapsed > ceiling {
		t.Errorf("the read took %s, expected it to stop at its 2s timeout", elapsed)
	}
}

func TestAccUserImportJobsFaults_interruptedPlanEndsTheReadPromptly(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	e.AddJobs(testPoolID, cognitolocal.GenerateJobs(testPoolID, 30, newest)...)
	// Thirty pages of a second each: half a minute to read them all.
	e.SetPoolFaults(testPoolID, cognitolocal.Faults{PageSize: 1, Latency: time.Second})

	w := acctest.NewConfigWorkspace(t, jobsConfig(e, testPoolID, "", ""))
	w.MustRun("init", "-no-color")

	var out strings.Builder
	plan := w.Command(t.Context(), "plan", "-no-color")
	plan.Stdout, plan.Stderr = &out, &out
	if err := plan.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- plan.Wait() }()

	// Interrupt once the read is under way: its first page answered.
	deadline := time.Now().Add(60 * time.Second)
	for e.Calls(listOperation) < 1 {
		if time.Now().After(deadline) {
			_ = plan.Process.Kill()
			t.Fatalf("the read did not start within a minute; output:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	interrupted := time.Now()
	if err := plan.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}

	var err error
	select {
	case err = <-exited:
	case <-time.After(60 * time.Second):
		_ = plan.Process.Kill()
		t.Fatalf("terraform plan still ran a minute after SIGINT; output:\n%s", out.String())
	}
	stopped := time.Since(interrupted)

	var exitErr *exec.ExitError
	if err == nil || !errors.As(err, &exitErr) {
		t.Errorf("expected the interrupted plan to fail, it ended with %v; output:\n%s", err, out.String())
	}
	cancelled := errorPattern("ListUserImportJobs failed on page",
		"the read was cancelled, as Terraform was interrupted, and nothing was kept.")
	if !cancelled.MatchString(out.String()) {
		t.Errorf("expected the plan to say the read was cancelled; output:\n%s", out.String())
	}
	// Terraform stops the provider, which ends the page in flight at once.
	if ceiling := 10 * time.Second; stopped > ceiling {
		t.Errorf("the plan ended %s after SIGINT, expected about 1s and at most %s", stopped, ceiling)
	}
	calls := e.Calls(listOperation)
	time.Sleep(2 * time.Second)
	if later := e.Calls(listOperation); later != calls || calls > 3 {
		t.Errorf("the endpoint saw %d calls by the end and %d two seconds later, expected the "+
			"read to stop within a page or two of the interrupt", calls, later)
	}
	t.Logf("terraform plan ended %s after SIGINT, after %d of 30 pages", stopped, calls)
}

// TestAccUserImportJobsFaults_jobsCreatedDuringTheReadNeitherRepeatNorHideOlderOnes
// creates jobs while the provider pages, under the service's cursor token
// and under a token that is an index into the list. Under the index, every
// job created pushes the older ones down, so that the next page begins
// with jobs the page before it held: the provider must list them once.
func TestAccUserImportJobsFaults_jobsCreatedDuringTheReadNeitherRepeatNorHideOlderOnes(t *testing.T) {
	for name, faults := range map[string]cognitolocal.Faults{
		"cursor token": {},
		"offset token": {OffsetToken: true},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()

			e := acctest.NewEndpoint(t)
			jobs := cognitolocal.GenerateJobs(testPoolID, 120, newest)
			e.AddJobs(testPoolID, jobs...)
			e.SetPoolFaults(testPoolID, faults)
			// Before the second and the third page, three jobs newer than
			// any are created, which shifts every older job down the pool's
			// list.
			created := 0
			seen := make(map[string]bool)
			var mu sync.Mutex
			e.BeforeEachPage(func(token string) {
				mu.Lock()
				defer mu.Unlock()
				// Once a page: a request sent again for its lost answer is
				// the same page.
				if token == "" || seen[token] {
					return
				}
				seen[token] = true
				created++
				newer := cognitolocal.GenerateJobs(testPoolID, 3, newest.Add(time.Duration(created)*time.Hour))
				for i := range newer {
					newer[i].JobId = fmt.Sprintf("import-Created%d%d", created, i)
				}
				e.AddJobs(testPoolID, newer...)
			})

			w := acctest.NewConfigWorkspace(t, jobsConfig(e, testPoolID, "", jobIDsOutput))
			w.MustRun("init", "-no-color")
			w.MustRun("apply", "-no-color", "-auto-approve")

			// The read saw the pool as it stood when it began: every job of
			// it, once, in order, and none of those created behind it.
			assertJSONEqual(t, "job_ids", w.Outputs()["job_ids"], jobIDsOf(jobs))
			if created != 2 {
				t.Errorf("jobs were created before %d pages, expected 2: the test did not run as meant", created)
			}
			expectAttempts(t, e, 3)
		})
	}
}

func TestAccUserImportJobsFaults_badReadTimeoutIsRefusedAtPlanTime(t *testing.T) {
	for name, read := range map[string]string{
		"not a duration": "soon",
		"no unit":        "30",
		"zero":           "0s",
		"under a second": "500ms",
	} {
		t.Run(name, func(t *testing.T) {
			e := acctest.NewEndpoint(t)

			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: jobsConfig(e, testPoolID, fmt.Sprintf(`
  timeouts {
    read = %q
  }`, read), ""),
					PlanOnly: true,
					ExpectError: errorPattern("Error: invalid read timeout",
						`timeouts.read must be a duration such as "30s" or "2m", at least 1s; got "`+read+`".`),
				}},
			})

			if n := e.Requests(""); n != 0 {
				t.Errorf("expected no request for read = %q, the endpoint saw %d", read, n)
			}
		})
	}
}

// jobIDsOf lists the ids of jobs, in their order.
func jobIDsOf(jobs []cognitolocal.Job) []string {
	ids := make([]string, 0, len(jobs))
	for _, job := range jobs {
		ids = append(ids, job.JobId)
	}
	return ids
}
