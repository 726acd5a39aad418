package importjobs

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
)

// errCodeResourceNotFound is the error code of a user pool or job that does
// not exist.
const errCodeResourceNotFound = "ResourceNotFoundException"

// listErrorSummary is the summary of every diagnostic of a failed listing.
func listErrorSummary(userPoolID string) string {
	return fmt.Sprintf("listing Cognito user import jobs (%s)", userPoolID)
}

// jobErrorSummary is the summary of every diagnostic of a failed read of
// one import job.
func jobErrorSummary(userPoolID, jobID string) string {
	return fmt.Sprintf("reading Cognito user import job (%s/%s)", userPoolID, jobID)
}

// csvHeaderErrorSummary is the summary of every diagnostic of a failed read
// of a user pool's CSV header.
func csvHeaderErrorSummary(userPoolID string) string {
	return fmt.Sprintf("reading Cognito user pool CSV header (%s)", userPoolID)
}

// listErrorDetail explains a failed listing: the operation, the page, the
// AWS error code and message when the service answered, and what the user
// can do about it.
func listErrorDetail(err error, userPoolID, region string) string {
	page, cause := 0, err
	var le *listError
	if errors.As(err, &le) {
		page, cause = le.page, le.err
	}

	var b strings.Builder
	fmt.Fprintf(&b, "%s failed on page %d", operationListUserImportJobs, page)

	switch {
	case errors.Is(err, ErrRepeatedToken):
		b.WriteString(": the service answered with a pagination token it had already " +
			"given in this listing. Following it would read the same jobs again without end, " +
			"so the read stopped. The endpoint the provider speaks to is at fault.")
	case errors.Is(err, ErrTooManyPages):
		fmt.Fprintf(&b, ": %s. A user pool holds at most 1,000 import jobs, so a listing "+
			"this long means the endpoint keeps handing out new tokens; the read stopped.",
			cause)
	case errors.Is(err, context.DeadlineExceeded):
		b.WriteString(": the read ran out of time before the last page.")
	default:
		writeFailure(&b, cause, notFoundHint(userPoolID, region))
	}

	return b.String()
}

// callErrorDetail explains a failed call of an operation that reads in one
// request, such as DescribeUserImportJob: the operation, the AWS error code
// and message when the service answered, and what the user can do about
// it. notFound is the advice for a ResourceNotFoundException.
func callErrorDetail(operation string, err error, notFound string) string {
	var b strings.Builder
	b.WriteString(operation + " failed")
	writeFailure(&b, err, notFound)

	return b.String()
}

// writeFailure explains, after the words naming the failed call, why it
// failed: the AWS error code and message when the service answered, with
// notFound after them when the service found no such resource, or what kept
// the call from an answer.
func writeFailure(b *strings.Builder, err error, notFound string) {
	var apiErr smithy.APIError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		b.WriteString(": the read ran out of time.")
	case errors.Is(err, context.Canceled):
		b.WriteString(": the read was cancelled.")
	case errors.As(err, &apiErr):
		fmt.Fprintf(b, " with %s: %s", apiErr.ErrorCode(), apiErr.ErrorMessage())
		writeAttempts(b, err)
		writeRequestID(b, err)
		if apiErr.ErrorCode() == errCodeResourceNotFound {
			b.WriteString("\n\n")
			b.WriteString(notFound)
		}
	default:
		fmt.Fprintf(b, ": %s", err)
		// NOTE: the SDK reports credentials it could not find with no
		// exported error type, only with this wording.
		if strings.Contains(err.Error(), "get identity: get credentials") {
			b.WriteString("\n\nNo AWS credentials were found. Set access_key and secret_key " +
				"in the provider block, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a " +
				"profile with profile or AWS_PROFILE.")
		}
	}
}

// writeAttempts adds how many attempts the SDK made, when it gave up after
// retrying.
func writeAttempts(b *strings.Builder, err error) {
	var maxErr *retry.MaxAttemptsError
	if errors.As(err, &maxErr) {
		fmt.Fprintf(b, " (gave up after %d attempts)", maxErr.Attempt)
	}
}

// writeRequestID adds the request ID, which AWS Support asks for.
func writeRequestID(b *strings.Builder, err error) {
	var respErr *awshttp.ResponseError
	if errors.As(err, &respErr) && respErr.ServiceRequestID() != "" {
		fmt.Fprintf(b, " (request ID %s)", respErr.ServiceRequestID())
	}
}

// notFoundHint tells a user why a user pool may not be found.
func notFoundHint(userPoolID, region string) string {
	if hint := regionMismatchHint(userPoolID, region); hint != "" {
		return hint
	}

	return fmt.Sprintf("Check that user pool %s exists in region %s and that the "+
		"credentials belong to the account that owns it.", userPoolID, region)
}

// jobNotFoundHint tells a user why an import job may not be found: its pool
// may be missing, as for notFoundHint, or the job may belong to another
// pool.
func jobNotFoundHint(userPoolID, jobID, region string) string {
	if hint := regionMismatchHint(userPoolID, region); hint != "" {
		return hint
	}

	return fmt.Sprintf("Check that user pool %s exists in region %s, that the credentials "+
		"belong to the account that owns it, and that import job %s is one of its jobs: "+
		"job_ids of the cognito_user_import_jobs data source lists them.",
		userPoolID, region, jobID)
}

// regionMismatchHint is the advice for a user pool id that names another
// region than the provider's, and empty otherwise. A pool is visible only
// in its own region, which its id names, so a provider configured for
// another region is the commonest reason why a pool is not found.
func regionMismatchHint(userPoolID, region string) string {
	poolRegion := userPoolRegion(userPoolID)
	if poolRegion == "" || region == "" || poolRegion == region {
		return ""
	}

	return fmt.Sprintf("The user pool id %s names region %s, but the provider is "+
		"configured for region %s, and a user pool is found only in its own region. "+
		"Set the provider's region to %s.", userPoolID, poolRegion, region, poolRegion)
}

// userPoolRegion is the region a user pool id starts with: everything before
// its last underscore.
func userPoolRegion(userPoolID string) string {
	i := strings.LastIndex(userPoolID, "_")
	if i <= 0 {
		return ""
	}

	return userPoolID[:i]
}
