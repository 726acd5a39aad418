package importjobs

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const (
	// operationListUserImportJobs names the API operation in errors and logs.
	operationListUserImportJobs = "ListUserImportJobs"

	// pageSize is the largest MaxResults the API accepts. The service still
	// answers with at most 50 jobs a page, so a request for 60 asks for as
	// much as it will give.
	pageSize = 60

	// defaultMaxPages bounds a listing that never ends. A pool holds at most
	// 1,000 import jobs, so even a service answering one job a page needs
	// about 1,000 pages; five times that leaves room for short pages while
	// still stopping a runaway loop.
	defaultMaxPages = 5000
)

// ErrRepeatedToken reports that the service handed back a pagination token
// it had already given in this listing. Following it would read the same
// jobs again, forever.
var ErrRepeatedToken = errors.New("the service repeated a pagination token")

// ErrTooManyPages reports that a listing went on past the page limit.
var ErrTooManyPages = errors.New("the listing did not end within the page limit")

// listError says which page of which listing failed, and why.
type listError struct {
	page int
	err  error
}

func (e *listError) Error() string {
	return fmt.Sprintf("%s, page %d: %s", operationListUserImportJobs, e.page, e.err)
}

func (e *listError) Unwrap() error { return e.err }

// jobLister reads every import job of a user pool, page after page.
type jobLister struct {
	api API

	// pace spaces the requests of the pool once the service throttles
	// them; nil sends every request at once.
	pace *poolPace

	// maxPages bounds the number of requests of one listing; zero means
	// defaultMaxPages.
	maxPages int
}

// each calls visit for every job of the pool, in the order the service
// returns them, once per job id, until the last page or until visit returns
// false. Every request repeats the same UserPoolId and MaxResults, as the
// API requires of a paginated listing.
func (l jobLister) each(ctx context.Context, userPoolID string,
	visit func(types.UserImportJobType) bool) error {
	maxPages := l.maxPages
	if maxPages == 0 {
		maxPages = defaultMaxPages
	}

	seenTokens := make(map[string]struct{})
	seenJobs := make(map[string]struct{})
	var token *string

	for page := 1; ; page++ {
		if page > maxPages {
			return &listError{page: page, err: fmt.Errorf("%w of %d pages", ErrTooManyPages, maxPages)}
		}

		// The pace is added after the attempt log, which puts it nearer the
		// retryer, so that a retry is logged once it has waited its turn.
		start := time.Now()
		out, err := l.api.ListUserImportJobs(ctx, &cip.ListUserImportJobsInput{
			UserPoolId:      aws.String(userPoolID),
			MaxResults:      aws.Int32(pageSize),
			PaginationToken: token,
		}, withAttemptLog, withPace(l.pace))
		if err != nil {
			return &listError{page: page, err: err}
		}

		tflog.Debug(ctx, "listed a page of user import jobs", map[string]any{
			"page":         page,
			"jobs_on_page": len(out.UserImportJobs),
			"elapsed_ms":   time.Since(start).Milliseconds(),
		})

		for _, job := range out.UserImportJobs {
			id := aws.ToString(job.JobId)
			if _, dup := seenJobs[id]; dup {
				// A service whose token is an offset shows a job twice when
				// a newer job is created between two pages; the first copy
				// is as recent as the second.
				tflog.Debug(ctx, "skipped a job listed twice", map[string]any{"job_id": id})
				continue
			}
			seenJobs[id] = struct{}{}

			if !visit(job) {
				return nil
			}
		}

		// NOTE: the service has been seen to end a listing with an empty
		// token rather than none, so both mean "last page". A page shorter
		// than asked for is not the last while it carries a token.
		next := aws.ToString(out.PaginationToken)
		if next == "" {
			return nil
		}
		if _, repeated := seenTokens[next]; repeated {
			return &listError{page: page, err: ErrRepeatedToken}
		}
		seenTokens[next] = struct{}{}
		token = aws.String(next)
	}
}
