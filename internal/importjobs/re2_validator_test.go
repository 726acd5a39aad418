package importjobs

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	fwtypes "github.com/hashicorp/terraform-plugin-framework/types"
)

// validateRE2 runs the validator on value as the name_regex argument.
func validateRE2(value fwtypes.String) *validator.StringResponse {
	resp := &validator.StringResponse{}
	validRE2().ValidateString(context.Background(), validator.StringRequest{
		Path:        path.Root("name_regex"),
		ConfigValue: value,
	}, resp)
	return resp
}

func TestValidRE2_refusesPatternsThatDoNotCompile(t *testing.T) {
	for pattern, reason := range map[string]string{
		`(customers`:      "missing closing )",
		`customers-(?=1)`: "invalid or unsupported Perl syntax",
		`batch-\1`:        "invalid escape sequence",
		`*`:               "missing argument to repetition operator",
	} {
		resp := validateRE2(fwtypes.StringValue(pattern))

		if resp.Diagnostics.ErrorsCount() != 1 {
			t.Errorf("%q: got %d errors, expected 1", pattern, resp.Diagnostics.ErrorsCount())
			continue
		}
		detail := resp.Diagnostics.Errors()[0].Detail()
		for _, want := range []string{
			"name_regex must be a valid RE2 regular expression", strconv.Quote(pattern), reason,
		} {
			if !strings.Contains(detail, want) {
				t.Errorf("%q: detail %q does not say %q", pattern, detail, want)
			}
		}
	}
}

func TestValidRE2_acceptsPatternsThatCompile(t *testing.T) {
	for _, pattern := range []string{`^customers-batch-[0-9]+$`, `(?i)pilot`, ``, `a|b`} {
		if resp := validateRE2(fwtypes.StringValue(pattern)); resp.Diagnostics.HasError() {
			t.Errorf("%q: got %v, expected no error", pattern, resp.Diagnostics)
		}
	}
}

func TestValidRE2_letsUnknownAndNullValuesThrough(t *testing.T) {
	// An unknown pattern is checked when it becomes known; a null one means
	// no filter.
	for _, value := range []fwtypes.String{fwtypes.StringUnknown(), fwtypes.StringNull()} {
		if resp := validateRE2(value); resp.Diagnostics.HasError() {
			t.Errorf("%s: got %v, expected no error", value, resp.Diagnostics)
		}
	}
}
