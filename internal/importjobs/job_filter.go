package importjobs

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// jobStatuses are the statuses the API model gives an import job, in the
// model's order. A filter on any other status is a typo, since the service
// has never given it.
//
// NOTE: a status the service adds later reaches users in jobs, but the
// statuses filter refuses it until it is added here; catching typos at plan
// time is worth that. TestJobStatuses_coverEveryStatusOfTheSDK fails when an
// SDK update knows a status this list lacks.
var jobStatuses = []string{
	string(types.UserImportJobStatusTypeCreated),
	string(types.UserImportJobStatusTypePending),
	string(types.UserImportJobStatusTypeInProgress),
	string(types.UserImportJobStatusTypeStopping),
	string(types.UserImportJobStatusTypeExpired),
	string(types.UserImportJobStatusTypeStopped),
	string(types.UserImportJobStatusTypeFailed),
	string(types.UserImportJobStatusTypeSucceeded),
}

// statusList spells the known statuses for a description, as in
// `Created`, `Pending` or `Succeeded`.
func statusList() string {
	var b strings.Builder
	for i, s := range jobStatuses {
		switch {
		case i == len(jobStatuses)-1:
			b.WriteString(" or ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString("`" + s + "`")
	}

	return b.String()
}

// jobFilter says which jobs of a pool a read keeps. Its zero value keeps
// every job; each criterion that is set narrows the result further.
type jobFilter struct {
	// statuses, when not nil, are the statuses a kept job is in.
	statuses map[types.UserImportJobStatusType]struct{}

	// nameRegex, when not nil, matches somewhere in the name of a kept job.
	// It is not anchored, as Terraform's regex() is not: users write ^ and $
	// when they mean the whole name.
	nameRegex *regexp.Regexp

	// createdAfter, when not zero, is the earliest creation time of a kept
	// job. The zero time keeps every job either way.
	createdAfter time.Time
}

// withStatuses returns f keeping only jobs in one of the statuses.
func (f jobFilter) withStatuses(statuses ...string) jobFilter {
	f.statuses = make(map[types.UserImportJobStatusType]struct{}, len(statuses))
	for _, s := range statuses {
		f.statuses[types.UserImportJobStatusType(s)] = struct{}{}
	}

	return f
}

// keeps reports whether job passes every criterion of the filter.
func (f jobFilter) keeps(job types.UserImportJobType) bool {
	if f.statuses != nil {
		if _, ok := f.statuses[job.Status]; !ok {
			return false
		}
	}

	if f.nameRegex != nil && !f.nameRegex.MatchString(aws.ToString(job.JobName)) {
		return false
	}

	if !f.createdAfter.IsZero() {
		// A job without a creation date cannot be shown to be recent enough.
		if job.CreationDate == nil || job.CreationDate.Before(f.createdAfter) {
			return false
		}
	}

	return true
}

// find lists the jobs of a pool that the filter keeps, in the order the
// service lists them, and stops paging as soon as it holds limit of them;
// a limit of zero means every kept job. It also returns how many jobs the
// service listed, kept or not, for the logs.
//
// NOTE: the service lists newest first, so a listing with created_after
// could stop at the first older job. That order is observed, not
// documented, so every page is read: a change of order would otherwise
// drop jobs without a word.
func (l jobLister) find(ctx context.Context, userPoolID string, filter jobFilter,
	limit int) ([]types.UserImportJobType, int, error) {
	jobs := []types.UserImportJobType{}
	listed := 0

	err := l.each(ctx, userPoolID, func(job types.UserImportJobType) bool {
		listed++
		if filter.keeps(job) {
			jobs = append(jobs, job)
		}

		if limit > 0 && len(jobs) >= limit {
			tflog.Debug(ctx, "stopped listing with as many jobs as max_results", map[string]any{
				"max_results": limit,
				"jobs_listed": listed,
			})
			return false
		}
		return true
	})

	return jobs, listed, err
}
