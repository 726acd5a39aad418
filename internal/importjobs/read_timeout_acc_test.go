package importjobs_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// readTimeoutCases are the data sources that read in one call, each with
// its configuration around a timeouts block and the summary of its errors.
func readTimeoutCases(e *acctest.Endpoint, jobID string) map[string]struct {
	config  func(timeouts string) string
	summary string
} {
	return map[string]struct {
		config  func(timeouts string) string
		summary string
	}{
		"cognito_user_import_job": {
			config: func(timeouts string) string {
				return jobConfig(e, testPoolID, jobID, timeouts, "")
			},
			summary: fmt.Sprintf("Error: reading Cognito user import job (%s/%s)", testPoolID, jobID),
		},
		"cognito_user_pool_csv_header": {
			config: func(timeouts string) string {
				return e.ProviderConfig() + fmt.Sprintf(`
data "cognito_user_pool_csv_header" "test" {
  user_pool_id = %q
  %s
}
`, testPoolID, timeouts)
			},
			summary: fmt.Sprintf("Error: reading Cognito user pool CSV header (%s)", testPoolID),
		},
	}
}

func TestAccReadTimeout_boundsTheReadsOfOneCall(t *testing.T) {
	e := acctest.NewEndpoint(t)
	jobs := cognitolocal.GenerateJobs(testPoolID, 1, newest)
	e.AddJobs(testPoolID, jobs...)
	// Every answer takes longer than the read may.
	e.SetPoolFaults(testPoolID, cognitolocal.Faults{Latency: 20 * time.Second})

	for name, tc := range readTimeoutCases(e, jobs[0].JobId) {
		t.Run(name, func(t *testing.T) {
			// Parallel before the clock starts, so that the time the test
			// waits for its turn does not count against the read.
			t.Parallel()
			start := time.Now()
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: tc.config(`
  timeouts {
    read = "1s"
  }`),
					ExpectError: errorPattern(tc.summary,
						"failed: the read did not finish within its read timeout of 1s, "+
							"so it stopped and kept nothing."),
				}},
			})

			if elapsed, ceiling := time.Since(start), 10*(time.Second+3*time.Second); elapsed > ceiling {
				t.Errorf("the read took %s, expected it to stop at its 1s timeout", elapsed)
			}
		})
	}
}

func TestAccReadTimeout_badValueIsRefusedAtPlanTimeByEveryDataSource(t *testing.T) {
	e := acctest.NewEndpoint(t)
	// The subtests run in parallel, after this function returns; the check
	// runs once they have all ended.
	t.Cleanup(func() {
		if n := e.Requests(""); n != 0 {
			t.Errorf("expected no request for a bad read timeout, the endpoint saw %d", n)
		}
	})

	for name, tc := range readTimeoutCases(e, "import-Lp0Ks9Jd3F") {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: tc.config(`
  timeouts {
    read = "soon"
  }`),
					PlanOnly: true,
					ExpectError: errorPattern("Error: invalid read timeout",
						`timeouts.read must be a duration such as "30s" or "2m", at least 1s; got "soon".`),
				}},
			})
		})
	}
}
