package importjobs

import (
	"context"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	fwtypes "github.com/hashicorp/terraform-plugin-framework/types"
)

// fakeNow is when the newest job of the filter tests was created.
var fakeNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// fakeJob is a job with the fields the filters look at, created minutesAgo
// minutes before fakeNow.
func fakeJob(id, name string, status types.UserImportJobStatusType,
	minutesAgo int) types.UserImportJobType {
	return types.UserImportJobType{
		JobId:        aws.String(id),
		JobName:      aws.String(name),
		Status:       status,
		CreationDate: aws.Time(fakeNow.Add(-time.Duration(minutesAgo) * time.Minute)),
	}
}

// kept lists the ids of the jobs that the filter keeps, in their order.
func kept(filter jobFilter, jobs ...types.UserImportJobType) []string {
	var ids []string
	for _, job := range jobs {
		if filter.keeps(job) {
			ids = append(ids, aws.ToString(job.JobId))
		}
	}
	return ids
}

func TestJobFilter_zeroValueKeepsEveryJob(t *testing.T) {
	jobs := []types.UserImportJobType{
		fakeJob("import-a", "customers-1", types.UserImportJobStatusTypeSucceeded, 0),
		{JobId: aws.String("import-b")}, // No name, status or creation date.
		fakeJob("import-c", "", "SomeFutureStatus", 5),
	}

	assertIDs(t, kept(jobFilter{}, jobs...), "import-a", "import-b", "import-c")
}

func TestJobFilter_statusesKeepOnlyJobsInThem(t *testing.T) {
	jobs := []types.UserImportJobType{
		fakeJob("import-a", "a", types.UserImportJobStatusTypeSucceeded, 0),
		fakeJob("import-b", "b", types.UserImportJobStatusTypeFailed, 1),
		fakeJob("import-c", "c", types.UserImportJobStatusTypeExpired, 2),
		fakeJob("import-d", "d", types.UserImportJobStatusTypeFailed, 3),
		fakeJob("import-e", "e", "", 4),
	}

	filter := jobFilter{}.withStatuses("Failed", "Expired")

	assertIDs(t, kept(filter, jobs...), "import-b", "import-c", "import-d")
}

func TestJobFilter_nameRegexMatchesAnywhereUnlessAnchored(t *testing.T) {
	jobs := []types.UserImportJobType{
		fakeJob("import-a", "customers-batch-1", types.UserImportJobStatusTypeSucceeded, 0),
		fakeJob("import-b", "staff-batch-1", types.UserImportJobStatusTypeSucceeded, 1),
		fakeJob("import-c", "old customers-batch-0", types.UserImportJobStatusTypeSucceeded, 2),
		{JobId: aws.String("import-d")}, // A job without a name.
	}

	unanchored := jobFilter{nameRegex: regexp.MustCompile(`customers-batch-\d`)}
	anchored := jobFilter{nameRegex: regexp.MustCompile(`^customers-batch-\d$`)}

	assertIDs(t, kept(unanchored, jobs...), "import-a", "import-c")
	assertIDs(t, kept(anchored, jobs...), "import-a")
}

func TestJobFilter_createdAfterKeepsTheInstantItselfAndLater(t *testing.T) {
	jobs := []types.UserImportJobType{
		fakeJob("import-a", "a", types.UserImportJobStatusTypeSucceeded, 0),
		fakeJob("import-b", "b", types.UserImportJobStatusTypeSucceeded, 10),
		fakeJob("import-c", "c", types.UserImportJobStatusTypeSucceeded, 11),
		{JobId: aws.String("import-d")}, // A job without a creation date.
	}
	// The same instant as ten minutes before fakeNow, written an hour east.
	at := fakeNow.Add(-10 * time.Minute).In(time.FixedZone("+01:00", 3600))

	assertIDs(t, kept(jobFilter{createdAfter: at}, jobs...), "import-a", "import-b")

	justAfter := jobFilter{createdAfter: at.Add(time.Millisecond)}
	assertIDs(t, kept(justAfter, jobs...), "import-a")
}

func TestJobFilter_criteriaCompose(t *testing.T) {
	jobs := []types.UserImportJobType{
		fakeJob("import-a", "customers-3", types.UserImportJobStatusTypeSucceeded, 0),
		fakeJob("import-b", "staff-2", types.UserImportJobStatusTypeFailed, 1),
		fakeJob("import-c", "customers-2", types.UserImportJobStatusTypeFailed, 2),
		fakeJob("import-d", "customers-1", types.UserImportJobStatusTypeFailed, 30),
	}

	filter := jobFilter{
		nameRegex:    regexp.MustCompile(`^customers-`),
		createdAfter: fakeNow.Add(-time.Hour / 4),
	}.withStatuses("Failed")

	// Only import-c passes all three: a is Succeeded, b is staff, d is
	// older than the quarter of an hour.
	assertIDs(t, kept(filter, jobs...), "import-c")
}

func TestJobLister_findStopsPagingOnceItHasTheLimit(t *testing.T) {
	api := &fakeAPI{pages: []fakePage{
		{jobIDs: []string{"import-a", "import-b", "import-c"}, token: aws.String("t1")},
		{jobIDs: []string{"import-d"}, token: aws.String("t2")},
		{jobIDs: []string{"import-e"}},
	}}

	jobs, listed, err := jobLister{api: api}.find(context.Background(), fakePoolID, jobFilter{}, 3)
	if err != nil {
		t.Fatal(err)
	}

	assertIDs(t, jobIDStrings(jobs), "import-a", "import-b", "import-c")
	if len(api.requests) != 1 || listed != 3 {
		t.Errorf("sent %d requests and listed %d jobs, expected 1 and 3: the first page "+
			"held as many jobs as the limit", len(api.requests), listed)
	}
}

func TestJobLister_findCountsTheLimitAfterTheFilter(t *testing.T) {
	api := &fakeAPI{pages: []fakePage{
		{jobs: []types.UserImportJobType{
			fakeJob("import-a", "a", types.UserImportJobStatusTypeFailed, 0),
			fakeJob("import-b", "b", types.UserImportJobStatusTypeSucceeded, 1),
		}, token: aws.String("t1")},
		{jobs: []types.UserImportJobType{
			fakeJob("import-c", "c", types.UserImportJobStatusTypeSucceeded, 2),
			fakeJob("import-d", "d", types.UserImportJobStatusTypeFailed, 3),
			fakeJob("import-e", "e", types.UserImportJobStatusTypeFailed, 4),
		}, token: aws.String("t2")},
		{jobs: []types.UserImportJobType{
			fakeJob("import-f", "f", types.UserImportJobStatusTypeFailed, 5),
		}},
	}}

	filter := jobFilter{}.withStatuses("Failed")
	jobs, listed, err := jobLister{api: api}.find(context.Background(), fakePoolID, filter, 2)
	if err != nil {
		t.Fatal(err)
	}

	assertIDs(t, jobIDStrings(jobs), "import-a", "import-d")
	if len(api.requests) != 2 || listed != 4 {
		t.Errorf("sent %d requests and listed %d jobs, expected 2 and 4: the second failed "+
			"job is the second of page 2", len(api.requests), listed)
	}
}

func TestJobLister_findWithoutALimitReadsEveryPage(t *testing.T) {
	api := &fakeAPI{pages: []fakePage{
		{jobs: []types.UserImportJobType{
			fakeJob("import-a", "a", types.UserImportJobStatusTypeFailed, 0),
		}, token: aws.String("t1")},
		{jobs: []types.UserImportJobType{
			fakeJob("import-b", "b", types.UserImportJobStatusTypeSucceeded, 1),
		}, token: aws.String("t2")},
		{jobs: []types.UserImportJobType{
			fakeJob("import-c", "c", types.UserImportJobStatusTypeFailed, 2),
		}},
	}}

	filter := jobFilter{}.withStatuses("Failed")
	jobs, _, err := jobLister{api: api}.find(context.Background(), fakePoolID, filter, 0)
	if err != nil {
		t.Fatal(err)
	}

	assertIDs(t, jobIDStrings(jobs), "import-a", "import-c")
	if len(api.requests) != 3 {
		t.Errorf("sent %d requests, expected all 3 pages without a limit", len(api.requests))
	}
}

func TestJobLister_findKeepingNothingGivesAnEmptyList(t *testing.T) {
	api := &fakeAPI{pages: []fakePage{{jobs: []types.UserImportJobType{
		fakeJob("import-a", "a", types.UserImportJobStatusTypeSucceeded, 0),
	}}}}

	filter := jobFilter{}.withStatuses("Failed")
	jobs, _, err := jobLister{api: api}.find(context.Background(), fakePoolID, filter, 0)
	if err != nil {
		t.Fatal(err)
	}
	list, diags := flattenJobs(jobs)
	ids, idDiags := jobIDs(jobs)
	diags.Append(idDiags...)

	if diags.HasError() || list.IsNull() || ids.IsNull() ||
		len(list.Elements()) != 0 || len(ids.Elements()) != 0 {
		t.Fatalf("got jobs %s and job_ids %s (diagnostics %v), expected two empty, "+
			"non-null lists", list, ids, diags)
	}
}

func TestJobIDs_followTheOrderOfTheJobs(t *testing.T) {
	jobs := []types.UserImportJobType{
		fakeJob("import-z", "z", types.UserImportJobStatusTypeFailed, 0),
		fakeJob("import-a", "a", types.UserImportJobStatusTypeFailed, 1),
		fakeJob("import-m", "m", types.UserImportJobStatusTypeFailed, 2),
	}

	ids, diags := jobIDs(jobs)
	if diags.HasError() {
		t.Fatal(diags)
	}

	var got []string
	diags = ids.ElementsAs(context.Background(), &got, false)
	if diags.HasError() {
		t.Fatal(diags)
	}
	assertIDs(t, got, "import-z", "import-a", "import-m")
}

func TestJobStatuses_coverEveryStatusOfTheSDK(t *testing.T) {
	// A status the SDK learns in an update must become a value the statuses
	// filter accepts, or users could not filter on it.
	sdk := types.UserImportJobStatusType("").Values()
	for _, status := range sdk {
		if !slices.Contains(jobStatuses, string(status)) {
			t.Errorf("the SDK knows status %q, which the statuses filter refuses", status)
		}
	}
	if len(jobStatuses) != len(sdk) {
		t.Errorf("the filter knows %d statuses, expected the SDK's %d: %v",
			len(jobStatuses), len(sdk), jobStatuses)
	}
}

func TestUserImportJobsModel_filterReadsEveryFilterArgument(t *testing.T) {
	ctx := context.Background()
	statuses, diags := fwtypes.SetValueFrom(ctx, fwtypes.StringType, []string{"Failed", "Stopped"})
	if diags.HasError() {
		t.Fatal(diags)
	}
	model := userImportJobsModel{
		Statuses:     statuses,
		NameRegex:    fwtypes.StringValue(`^customers-`),
		CreatedAfter: timetypes.NewRFC3339ValueMust("2026-03-02T10:00:00+01:00"),
		MaxResults:   fwtypes.Int64Value(5),
	}

	filter, diags := model.filter(ctx)
	if diags.HasError() {
		t.Fatal(diags)
	}

	if len(filter.statuses) != 2 {
		t.Errorf("the filter keeps statuses %v, expected Failed and Stopped", filter.statuses)
	}
	if filter.nameRegex == nil || filter.nameRegex.String() != `^customers-` {
		t.Errorf("the filter's name regex is %v, expected ^customers-", filter.nameRegex)
	}
	if want := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC); !filter.createdAfter.Equal(want) {
		t.Errorf("the filter keeps jobs created after %s, expected %s", filter.createdAfter, want)
	}
}

func TestUserImportJobsModel_noFilterArgumentsKeepEveryJob(t *testing.T) {
	model := userImportJobsModel{
		Statuses:     fwtypes.SetNull(fwtypes.StringType),
		NameRegex:    fwtypes.StringNull(),
		CreatedAfter: timetypes.NewRFC3339Null(),
		MaxResults:   fwtypes.Int64Null(),
	}

	filter, diags := model.filter(context.Background())
	if diags.HasError() {
		t.Fatal(diags)
	}

	if filter.statuses != nil || filter.nameRegex != nil || !filter.createdAfter.IsZero() {
		t.Errorf("got filter %+v, expected the zero filter that keeps every job", filter)
	}
}

// jobIDStrings lists the ids of the jobs, in their order.
func jobIDStrings(jobs []types.UserImportJobType) []string {
	ids := make([]string, 0, len(jobs))
	for _, job := range jobs {
		ids = append(ids, aws.ToString(job.JobId))
	}
	return ids
}
