package importjobs

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"
)

const fakePoolID = "eu-west-1_Fake00001"

// fakePage is one scripted answer of fakeAPI: jobs with only an id, then
// jobs in full.
type fakePage struct {
	jobIDs []string
	jobs   []types.UserImportJobType
	token  *string
	err    error
}

// fakeAPI answers ListUserImportJobs from a script, one page per call, and
// records every request it was sent.
type fakeAPI struct {
	pages    []fakePage
	requests []cip.ListUserImportJobsInput
}

func (f *fakeAPI) ListUserImportJobs(_ context.Context, in *cip.ListUserImportJobsInput,
	_ ...func(*cip.Options)) (*cip.ListUserImportJobsOutput, error) {
	f.requests = append(f.requests, *in)
	if len(f.requests) > len(f.pages) {
		return nil, fmt.Errorf("unscripted request %d", len(f.requests))
	}

	page := f.pages[len(f.requests)-1]
	if page.err != nil {
		return nil, page.err
	}
	out := &cip.ListUserImportJobsOutput{PaginationToken: page.token}
	for _, id := range page.jobIDs {
		out.UserImportJobs = append(out.UserImportJobs, types.UserImportJobType{JobId: aws.String(id)})
	}
	out.UserImportJobs = append(out.UserImportJobs, page.jobs...)
	return out, nil
}

// DescribeUserImportJob fails: the list loop must not call it.
func (f *fakeAPI) DescribeUserImportJob(_ context.Context, _ *cip.DescribeUserImportJobInput,
	_ ...func(*cip.Options)) (*cip.DescribeUserImportJobOutput, error) {
	return nil, errors.New("the list loop called DescribeUserImportJob")
}

// GetCSVHeader fails: the list loop must not call it.
func (f *fakeAPI) GetCSVHeader(_ context.Context, _ *cip.GetCSVHeaderInput,
	_ ...func(*cip.Options)) (*cip.GetCSVHeaderOutput, error) {
	return nil, errors.New("the list loop called GetCSVHeader")
}

// collect lists every job id the lister visits.
func collect(t *testing.T, api API, maxPages int) ([]string, error) {
	t.Helper()

	var ids []string
	err := jobLister{api: api, maxPages: maxPages}.each(context.Background(), fakePoolID,
		func(job types.UserImportJobType) bool {
			ids = append(ids, aws.ToString(job.JobId))
			return true
		})
	return ids, err
}

func assertIDs(t *testing.T, got []string, want ...string) {
	t.Helper()

	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("listed jobs %v, expected %v", got, want)
	}
}

func TestJobLister_followsShortPageWithToken(t *testing.T) {
	api := &fakeAPI{pages: []fakePage{
		{jobIDs: []string{"import-a"}, token: aws.String("t1")},
		{jobIDs: []string{"import-b", "import-c"}},
	}}

	ids, err := collect(t, api, 0)
	if err != nil {
		t.Fatal(err)
	}

	assertIDs(t, ids, "import-a", "import-b", "import-c")
	if got := aws.ToString(api.requests[1].PaginationToken); got != "t1" {
		t.Errorf("second request carried token %q, expected the first page's t1", got)
	}
}

func TestJobLister_repeatsPoolAndPageSizeOnEveryRequest(t *testing.T) {
	api := &fakeAPI{pages: []fakePage{
		{jobIDs: []string{"import-a"}, token: aws.String("t1")},
		{jobIDs: []string{"import-b"}, token: aws.String("t2")},
		{jobIDs: []string{"import-c"}},
	}}

	if _, err := collect(t, api, 0); err != nil {
		t.Fatal(err)
	}

	for i, req := range api.requests {
		if aws.ToString(req.UserPoolId) != fakePoolID || aws.ToInt32(req.MaxResults) != 60 {
			t.Errorf("request %d asked for pool %q with MaxResults %d, expected %q with 60",
				i+1, aws.ToString(req.UserPoolId), aws.ToInt32(req.MaxResults), fakePoolID)
		}
	}
	if api.requests[0].PaginationToken != nil {
		t.Errorf("first request carried a token, expected none")
	}
}

func TestJobLister_stopsOnEmptyToken(t *testing.T) {
	api := &fakeAPI{pages: []fakePage{{jobIDs: []string{"import-a"}, token: aws.String("")}}}

	ids, err := collect(t, api, 0)
	if err != nil {
		t.Fatal(err)
	}

	assertIDs(t, ids, "import-a")
	if len(api.requests) != 1 {
		t.Errorf("sent %d requests, expected 1: an empty token ends the listing", len(api.requests))
	}
}

func TestJobLister_emptyPoolVisitsNothing(t *testing.T) {
	api := &fakeAPI{pages: []fakePage{{}}}

	ids, err := collect(t, api, 0)
	if err != nil {
		t.Fatal(err)
	}

	assertIDs(t, ids)
}

func TestJobLister_failsOnRepeatedToken(t *testing.T) {
	api := &fakeAPI{pages: []fakePage{
		{jobIDs: []string{"import-a"}, token: aws.String("t1")},
		{jobIDs: []string{"import-b"}, token: aws.String("t2")},
		{jobIDs: []string{"import-c"}, token: aws.String("t1")},
	}}

	_, err := collect(t, api, 0)

	if !errors.Is(err, ErrRepeatedToken) {
		t.Fatalf("got error %v, expected ErrRepeatedToken", err)
	}
	var le *listError
	if !errors.As(err, &le) || le.page != 3 {
		t.Errorf("got error %v, expected it to name page 3", err)
	}
}

func TestJobLister_failsPastThePageLimit(t *testing.T) {
	var pages []fakePage
	for i := range 5 {
		pages = append(pages, fakePage{
			jobIDs: []string{fmt.Sprintf("import-%d", i)},
			token:  aws.String(fmt.Sprintf("t%d", i)),
		})
	}
	api := &fakeAPI{pages: pages}

	_, err := collect(t, api, 3)

	if !errors.Is(err, ErrTooManyPages) {
		t.Fatalf("got error %v, expected ErrTooManyPages", err)
	}
	if len(api.requests) != 3 {
		t.Errorf("sent %d requests, expected the limit of 3", len(api.requests))
	}
}

func TestJobLister_skipsAJobListedTwice(t *testing.T) {
	// An offset-based service shifts older jobs down a page when a job is
	// created between two requests, so the last job of a page comes again.
	api := &fakeAPI{pages: []fakePage{
		{jobIDs: []string{"import-a", "import-b"}, token: aws.String("t1")},
		{jobIDs: []string{"import-b", "import-c"}},
	}}

	ids, err := collect(t, api, 0)
	if err != nil {
		t.Fatal(err)
	}

	assertIDs(t, ids, "import-a", "import-b", "import-c")
}

func TestJobLister_stopsWhenTheVisitorHasEnough(t *testing.T) {
	api := &fakeAPI{pages: []fakePage{
		{jobIDs: []string{"import-a", "import-b"}, token: aws.String("t1")},
		{jobIDs: []string{"import-c"}},
	}}

	var ids []string
	err := jobLister{api: api}.each(context.Background(), fakePoolID, func(job types.UserImportJobType) bool {
		ids = append(ids, aws.ToString(job.JobId))
		return len(ids) < 2
	})
	if err != nil {
		t.Fatal(err)
	}

	assertIDs(t, ids, "import-a", "import-b")
	if len(api.requests) != 1 {
		t.Errorf("sent %d requests, expected 1: the visitor stopped on the first page", len(api.requests))
	}
}

func TestJobLister_namesThePageOfAServiceError(t *testing.T) {
	throttled := &smithy.GenericAPIError{Code: "TooManyRequestsException", Message: "Rate exceeded"}
	api := &fakeAPI{pages: []fakePage{
		{jobIDs: []string{"import-a"}, token: aws.String("t1")},
		{err: throttled},
	}}

	_, err := collect(t, api, 0)

	detail := listErrorDetail(err, fakePoolID, "eu-west-1")
	want := "ListUserImportJobs failed on page 2 with TooManyRequestsException: Rate exceeded"
	if !strings.HasPrefix(detail, want) {
		t.Errorf("detail is %q, expected it to start with %q", detail, want)
	}
}
