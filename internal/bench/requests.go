package bench

import (
	"context"
	"fmt"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// requestSizes are the pool sizes whose reads are counted: none, one, a
// full page, a page and one more, and the most a pool holds.
var requestSizes = []int{0, 1, 50, 51, thousand}

// requestsSection counts the requests of a plan of each pool size with the
// reference CLI. The endpoint puts no token after the last job, so a read
// of n jobs needs exactly max(1, ceil(n / 50)) pages and nothing else.
func requestsSection(ctx context.Context, cfg Config, t tools) Section {
	s := Section{Title: "Requests: ListUserImportJobs calls of one read"}
	if len(cfg.CLIs) == 0 {
		s.Err = errNoCLI
		return s
	}
	cli := cfg.CLIs[0]
	s.Title += " (" + cli.Name + " plan)"

	e, err := startEndpoint(cognitolocal.Faults{}, requestSizes...)
	if err != nil {
		s.Err = err
		return s
	}
	defer e.close()

	w, err := t.workspace(ctx, cfg, cli, t.mirror)
	if err != nil {
		s.Err = err
		return s
	}

	resends := 0
	for _, n := range requestSizes {
		cfg.progress("%s plan of %s, counting requests", cli.Name, jobs(n))
		mark := e.mark()
		if _, err := w.plan(ctx, e.URL, n); err != nil {
			s.Err = err
			return s
		}
		got := e.trafficSince(mark)
		s.add(
			exactly(fmt.Sprintf("%s: ListUserImportJobs calls", jobs(n)), got.listCalls, pagesFor(n)),
			exactly(fmt.Sprintf("%s: calls of other operations", jobs(n)), got.otherCalls, 0),
		)
		resends += got.requests - got.listCalls - got.otherCalls
	}

	s.note("A call is one SDK invocation (its amz-sdk-invocation-id), so that a request the "+
		"SDK resends by itself on a connection its transport closed (aws/aws-sdk-go-v2#2737) "+
		"is not taken for a page. HTTP requests beyond the calls in this section: %d.", resends)
	return s
}
