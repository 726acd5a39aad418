package importjobs

import (
	"context"
	"errors"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// withAttemptLog makes an API call log each retry at Debug, with the reason
// for it. The SDK's own retry log names neither the error nor the fields the
// data source has set on ctx, so users reading TF_LOG=DEBUG could not tell a
// throttled read from a slow one.
func withAttemptLog(o *cip.Options) {
	o.APIOptions = append(o.APIOptions, func(stack *middleware.Stack) error {
		// The stack is built afresh for every call, so each call counts its
		// own attempts.
		return stack.Finalize.Insert(&attemptLog{}, "Retry", middleware.After)
	})
}

// attemptLog sits inside the SDK's retry loop, where it sees every attempt.
type attemptLog struct {
	attempt int
	lastErr error

	// lastEnd is when the previous attempt ended, so that a retry can tell
	// how long it waited: the retryer's backoff and the pool's pace.
	lastEnd time.Time
}

func (*attemptLog) ID() string { return "CognitoProviderAttemptLog" }

func (m *attemptLog) HandleFinalize(ctx context.Context, in middleware.FinalizeInput,
	next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	m.attempt++
	if m.attempt > 1 {
		tflog.Debug(ctx, "retrying AWS request", map[string]any{
			"operation": awsmiddleware.GetOperationName(ctx),
			"attempt":   m.attempt,
			"reason":    attemptFailure(m.lastErr),
			"waited_ms": time.Since(m.lastEnd).Milliseconds(),
		})
	}

	out, metadata, err := next.HandleFinalize(ctx, in)
	m.lastErr, m.lastEnd = err, time.Now()

	return out, metadata, err
}

// attemptFailure is the AWS error code of err when the service answered, and
// the transport's own message when it did not.
func attemptFailure(err error) string {
	if err == nil {
		return ""
	}

	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}

	return err.Error()
}
