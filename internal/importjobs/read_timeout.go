package importjobs

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	fwtypes "github.com/hashicorp/terraform-plugin-framework/types"
)

const (
	// defaultReadTimeout bounds a read whose configuration sets no
	// timeouts block. The largest pool reads in about 20 requests, a few
	// seconds even when the service throttles it, and the default retries
	// add at most 7 seconds a request; five minutes leaves room for slow
	// networks and a raised max_retries, and still ends a read that hangs.
	//
	// NOTE: the SDK's HTTP client sets no timeout on one request, so an
	// endpoint that accepts a connection and never answers holds the read
	// until this timeout, not until a shorter one of the request.
	defaultReadTimeout = 5 * time.Minute

	// minReadTimeout is the shortest read timeout accepted. A shorter one
	// would end most reads before their first answer.
	minReadTimeout = time.Second

	// timeoutsBlockName is the name of the block, as Terraform users know
	// it from other providers.
	timeoutsBlockName = "timeouts"
)

// errReadTimeout is the cause of a read's context ending at its read
// timeout, which tells it apart from an interrupted read.
var errReadTimeout = errors.New("the read timeout elapsed")

// readTimeoutBlock is the `timeouts { read = "..." }` block of a data
// source, typed as terraform-plugin-framework-timeouts expects, with a
// duration checked at plan time. A data source that uses it gives its model
// a timeouts.Value field tagged `tfsdk:"timeouts"` and bounds its read with
// withReadTimeout.
func readTimeoutBlock() schema.Block {
	return schema.SingleNestedBlock{
		MarkdownDescription: "How long a read may take before it fails.",
		CustomType: timeouts.Type{ObjectType: fwtypes.ObjectType{
			AttrTypes: map[string]attr.Type{"read": fwtypes.StringType},
		}},
		Attributes: map[string]schema.Attribute{
			"read": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("How long one read may take, every page and "+
					"every retry included, as a duration such as `30s` or `2m`, at least `%s`. "+
					"Defaults to `%s`.", minReadTimeout, shortDuration(defaultReadTimeout)),
				Validators: []validator.String{readTimeoutValidator{}},
			},
		},
	}
}

// withReadTimeout bounds ctx by the read timeout of the configuration, or
// by defaultReadTimeout when it sets none, and returns that timeout for
// messages. A context that ends at the timeout has errReadTimeout as its
// cause.
func withReadTimeout(ctx context.Context, t timeouts.Value) (context.Context,
	context.CancelFunc, time.Duration, diag.Diagnostics) {
	timeout, diags := t.Read(ctx, defaultReadTimeout)
	if diags.HasError() {
		return ctx, func() {}, 0, diags
	}

	ctx, cancel := context.WithTimeoutCause(ctx, timeout, errReadTimeout)

	return ctx, cancel, timeout, diags
}

// shortDuration writes a duration as a user would, `5m` rather than Go's
// `5m0s`.
func shortDuration(d time.Duration) string {
	switch {
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	default:
		return d.String()
	}
}

// readTimeoutValidator refuses a read timeout that is not a duration, or
// too short to read anything, at plan time.
type readTimeoutValidator struct{}

func (readTimeoutValidator) Description(context.Context) string {
	return fmt.Sprintf("must be a duration such as \"30s\" or \"2m\", at least %s", minReadTimeout)
}

func (v readTimeoutValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v readTimeoutValidator) ValidateString(ctx context.Context, req validator.StringRequest,
	resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}

	value := req.ConfigValue.ValueString()
	d, err := time.ParseDuration(value)
	if err != nil || d < minReadTimeout {
		resp.Diagnostics.AddAttributeError(req.Path, "invalid read timeout",
			fmt.Sprintf("%s %s; got %q.", req.Path, v.Description(ctx), value))
	}
}

// stoppedReadError is the error of a read whose context ended before the
// read did: at its read timeout, or because Terraform was interrupted.
// Whatever the SDK made of the ended context, this is what the user needs
// to hear.
type stoppedReadError struct {
	// timeout is the read timeout, when that is what ended the read.
	timeout time.Duration
	err     error
}

func (e *stoppedReadError) Error() string { return e.err.Error() }

func (e *stoppedReadError) Unwrap() error { return e.err }

// explainStop returns err as a stoppedReadError when ctx, the read's, has
// ended, and err unchanged when it has not.
func explainStop(ctx context.Context, timeout time.Duration, err error) error {
	if ctx.Err() == nil {
		return err
	}

	stopped := &stoppedReadError{err: err}
	if errors.Is(context.Cause(ctx), errReadTimeout) {
		stopped.timeout = timeout
	}

	return stopped
}
