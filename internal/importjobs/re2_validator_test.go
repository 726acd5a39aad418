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
	const hint = "RE2 has no lookahead, lookbehind or backreferences."
	for pattern, tc := range map[string]struct {
		reason string
		hinted bool
	}{
		`(customers`:      {"missing closing )", false},
		`customers-(?=1)`: {"invalid or unsupported Perl syntax", true},
		`batch-\1`:        {"invalid escape sequence", true},
		`*`:               {"missing argument to repetition operator", false},
	} {
		resp := validateRE2(fwtypes.StringValue(pattern))

		if resp.Diagnostics.ErrorsCount() != 1 {
			t.Errorf("%q: got %d errors, expected 1", pattern, resp.Diagnostics.ErrorsCount())
			continue
		}
		detail := resp.Diagnostics.Errors()[0].Detail()
		for _, want := range []string{
			"name_regex must be a valid RE2 regular expression", strconv.Quote(pattern), tc.reason,
		} {
			if !strings.Contains(detail, want) {
				t.Errorf("%q: detail %q does not say %q", pattern, detail, want)
			}
		}
		// The hint speaks of what RE2 leaves out, so only a pattern that
		// uses such syntax gets it.
		if strings.Contains(detail, hint) != tc.hinted {
			t.Errorf("%q: detail %q, expected the RE2 hint: %t", pattern, detail, tc.hinted)
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
