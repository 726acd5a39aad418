package importjobs

import (
	"context"
	"fmt"
	"testing"
)

// TestUserImportJobsRead_sendsOneCallAPageAndNothingElse holds a read of n
// jobs to max(1, ceil(n / 50)) ListUserImportJobs calls, the pages the
// service needs at 50 jobs a page, when no token follows the last job. A
// call is counted once however many times the SDK sent it.
func TestUserImportJobsRead_sendsOneCallAPageAndNothingElse(t *testing.T) {
	for _, tc := range []struct{ jobs, calls int }{
		{0, 1}, {1, 1}, {50, 1}, {51, 2}, {1000, 20},
	} {
		t.Run(fmt.Sprintf("jobs=%d", tc.jobs), func(t *testing.T) {
			client, server := localClient(t, tc.jobs)
			r := newReader(t, client, benchPoolID)

			resp := r.read(context.Background())

			if resp.Diagnostics.HasError() {
				t.Fatal(resp.Diagnostics)
			}
			var model userImportJobsModel
			if diags := resp.State.Get(context.Background(), &model); diags.HasError() {
				t.Fatal(diags)
			}
			if got := len(model.Jobs.Elements()); got != tc.jobs {
				t.Errorf("read %d jobs, expected %d", got, tc.jobs)
			}
			if got := server.Calls("ListUserImportJobs"); got != tc.calls {
				t.Errorf("the read made %d ListUserImportJobs calls, expected %d", got, tc.calls)
			}
			if others := server.Calls("") - server.Calls("ListUserImportJobs"); others != 0 {
				t.Errorf("the read made %d calls of other operations, expected none", others)
			}
		})
	}
}
