package importjobs

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// validRE2 accepts a string that compiles as an RE2 regular expression, the
// syntax of Go's regexp package and of Terraform's own regex functions, so
// that a pattern the read could not use fails at plan time.
func validRE2() validator.String {
	return re2Validator{}
}

type re2Validator struct{}

func (re2Validator) Description(_ context.Context) string {
	return "must be a valid RE2 regular expression"
}

func (v re2Validator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v re2Validator) ValidateString(ctx context.Context, req validator.StringRequest,
	resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}

	if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "invalid regular expression",
			fmt.Sprintf("%s %s, got %q: %s.%s", req.Path, v.Description(ctx),
				req.ConfigValue.ValueString(), err, unsupportedSyntaxHint(err)))
	}
}

// unsupportedSyntaxHint explains an error of syntax that other engines have
// and RE2 leaves out, lookaround and backreferences, which patterns written
// for those engines often use; the hint saves a search. Other errors need
// none.
func unsupportedSyntaxHint(err error) string {
	var syntaxErr *syntax.Error
	if errors.As(err, &syntaxErr) &&
		(syntaxErr.Code == syntax.ErrInvalidPerlOp || syntaxErr.Code == syntax.ErrInvalidEscape) {
		return " RE2 has no lookahead, lookbehind or backreferences."
	}

	return ""
}
