package importjobs

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
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
// AWS error code and message when the service answered, how many attempts
// were made, and what the user can do about it. It never quotes an answer's
// body, which holds presigned URLs.
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
	default:
		writeFailure(&b, err, cause, notFoundHint(userPoolID, region))
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
	writeFailure(&b, err, err, notFound)

	return b.String()
}

// writeFailure explains, after the words naming the failed call, why it
// failed: that the read was stopped by its timeout or by an interrupt, the
// AWS error code and message when the service answered (with notFound
// after them when the service found no such resource), that the answer
// could not be read, or which address could not be reached. err is the
// whole error, cause the failure of the call itself, quoted only when
// nothing better is known of it.
func writeFailure(b *strings.Builder, err, cause error, notFound string) {
	var (
		stopped *stoppedReadError
		apiErr  smithy.APIError
		urlErr  *url.Error
		decErr  *smithy.DeserializationError
		quota   ratelimit.QuotaExceededError
	)
	switch {
	case errors.As(err, &stopped) && stopped.timeout > 0:
		fmt.Fprintf(b, ": the read did not finish within its read timeout of %s, so it "+
			"stopped and kept nothing. Raise timeouts.read if the service is slow to "+
			"answer.", shortDuration(stopped.timeout))
	case errors.As(err, &stopped):
		b.WriteString(": the read was cancelled, as Terraform was interrupted, and " +
			"nothing was kept.")
	case errors.As(err, &quota):
		fmt.Fprintf(b, ": the request failed, and the SDK's retry quota for this run is "+
			"used up (%s), so it was not retried. Too many requests of this run have failed; "+
			"the last failure was: %s", quota, lastAttemptFailure(cause))
	case errors.As(err, &apiErr):
		fmt.Fprintf(b, " with %s: %s", apiErr.ErrorCode(), apiErr.ErrorMessage())
		writeAttempts(b, err)
		writeRequestID(b, err)
		writeHint(b, apiErr.ErrorCode(), notFound)
	case errors.As(err, &decErr):
		fmt.Fprintf(b, ": the answer could not be read (%s); it is not the JSON that the "+
			"API answers, so the read stopped and kept nothing", decErr.Err)
		writeAttempts(b, err)
		b.WriteString(".")
	case errors.As(err, &urlErr):
		writeConnectionFailure(b, urlErr)
		writeAttempts(b, err)
		b.WriteString(".")
	default:
		fmt.Fprintf(b, ": %s", cause)
		// NOTE: the SDK reports credentials it could not find with no
		// exported error type, only with this wording.
		if strings.Contains(cause.Error(), "get identity: get credentials") {
			b.WriteString("\n\nNo AWS credentials were found. Set access_key and secret_key " +
				"in the provider block, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a " +
				"profile with profile or AWS_PROFILE.")
		}
	}
}

// writeHint adds what the user can do about an error code of the service;
// notFound is the advice for a resource the service did not find.
func writeHint(b *strings.Builder, code, notFound string) {
	switch {
	case code == errCodeResourceNotFound:
		b.WriteString("\n\n")
		b.WriteString(notFound)
	case isThrottle.IsErrorThrottle(&smithy.GenericAPIError{Code: code}) == aws.TrueTernary:
		b.WriteString("\n\nThe service throttled the requests: the user pool's request " +
			"quota, about 5 requests a second, is shared with every other client of the " +
			"pool. Retry later, or raise max_retries; each retry waits up to twice as long " +
			"as the one before, up to 20 seconds.")
	case authErrorCodes[code]:
		b.WriteString("\n\nAWS refused the request's credentials: the access key is unknown, " +
			"the secret key is not the one that belongs to it, or the session token is " +
			"missing or expired. Check access_key, secret_key and token, or the " +
			"AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN they default to.")
	}
}

// authErrorCodes are the error codes with which AWS refuses the credentials
// or the signature of a request, before it looks at the request itself.
var authErrorCodes = map[string]bool{
	"InvalidSignatureException":           true,
	"UnrecognizedClientException":         true,
	"IncompleteSignatureException":        true,
	"MissingAuthenticationToken":          true,
	"ExpiredTokenException":               true,
	"InvalidClientTokenId":                true,
	"SignatureDoesNotMatch":               true,
	"MissingAuthenticationTokenException": true,
}

// writeConnectionFailure says which address could not be reached, and why,
// for a request that never got an answer.
func writeConnectionFailure(b *strings.Builder, urlErr *url.Error) {
	var dnsErr *net.DNSError
	if errors.As(urlErr, &dnsErr) && dnsErr.IsNotFound {
		fmt.Fprintf(b, ": the host %s of the endpoint %s does not resolve (%s)",
			dnsErr.Name, urlErr.URL, dnsErr.Err)
		return
	}

	fmt.Fprintf(b, ": the endpoint %s could not be reached (%s)", urlErr.URL, urlErr.Err)
}

// lastAttemptFailure is what the last attempt of a call failed with, in a
// few words.
func lastAttemptFailure(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode() + ": " + apiErr.ErrorMessage()
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Error()
	}

	return err.Error()
}

// writeAttempts adds how many attempts the SDK made, when it gave up after
// the attempts max_retries allows. An error it does not retry comes from
// the first attempt.
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
		"Set the provider's region to %s, with its region argument or AWS_REGION.",
		userPoolID, poolRegion, region, poolRegion)
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
