package bench

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// peerSection lists the thousand jobs with the AWS CLI, a page per
// process as a user's script would, with the same latency as the
// end-to-end plans, and compares it with the reference plan.
func peerSection(ctx context.Context, cfg Config, t tools, plan time.Duration) Section {
	s := Section{Title: fmt.Sprintf("Peer: the AWS CLI paging by hand, %s of latency a request", cfg.Latency)}
	if cfg.AWSCLI == "" {
		s.Err = errors.New("no aws command: `make awscli` installs Debian's AWS CLI")
		return s
	}

	dir, err := t.scratchDir("awscli")
	if err != nil {
		s.Err = err
		return s
	}
	cli, err := newAWSCLI(cfg.AWSCLI, dir)
	if err != nil {
		s.Err = err
		return s
	}
	version, start, err := cli.version(ctx)
	if err != nil {
		s.Err = err
		return s
	}
	s.Title += " (" + version + ")"

	e, err := startEndpoint(cognitolocal.Faults{Latency: cfg.Latency}, thousand)
	if err != nil {
		s.Err = err
		return s
	}
	defer e.close()

	cfg.progress("aws cognito-idp list-user-import-jobs, a process a page")
	begin := time.Now()
	pages, jobs, err := cli.listPages(ctx, e.URL, poolID(thousand))
	elapsed := time.Since(begin)
	if err != nil {
		s.Err = err
		return s
	}
	if jobs != thousand || pages != pagesFor(thousand) {
		s.Err = fmt.Errorf("the AWS CLI listed %d jobs in %d pages, expected %d in %d",
			jobs, pages, thousand, pagesFor(thousand))
		return s
	}

	s.add(
		reported(fmt.Sprintf("aws CLI, %d pages, a process each", pages), seconds(elapsed)),
		reported("  a page on average", seconds(elapsed/time.Duration(pages))),
		reported("  aws --version: a start, no request", seconds(start)),
	)
	if plan > 0 {
		s.add(reported("aws CLI ÷ plan of 1,000 jobs", ratio(elapsed.Seconds()/plan.Seconds())))
	}

	s.note("This mostly measures a Python start per page: a page takes about as long as the "+
		"CLI takes to start and print its version, and the %s round trip is a small part of it. "+
		"Neither the CLI nor botocore pages through ListUserImportJobs, so a script runs one "+
		"process per page, passing the token along. The start is the median of %d runs after "+
		"a first one that warms the disk cache.", cfg.Latency, startRuns)
	return s
}
