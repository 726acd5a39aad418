package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// durationBetween accepts a Go duration string within [minimum, maximum].
// The syntax itself is checked by timetypes.GoDurationType; this adds the
// range that STS enforces, so that a bad value fails at plan time.
func durationBetween(minimum, maximum time.Duration) validator.String {
	return durationRangeValidator{minimum: minimum, maximum: maximum}
}

type durationRangeValidator struct {
	minimum, maximum time.Duration
}

func (v durationRangeValidator) Description(_ context.Context) string {
	return fmt.Sprintf("must be a duration between %s and %s", v.minimum, v.maximum)
}

func (v durationRangeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v durationRangeValidator) ValidateString(ctx context.Context, req validator.StringRequest,
	resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}

	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil {
		// The custom type reports the syntax error with its own words.
		return
	}

	if d < v.minimum || d > v.maximum {
		resp.Diagnostics.AddAttributeError(req.Path, "duration out of range",
			fmt.Sprintf("%s %s, got %s.", req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
	}
}
