package importjobs

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// idValidator checks an identifier against the API's rule for it at plan
// time, so that a typo never becomes a request. It quotes the value it
// rejects, since a stray space is otherwise invisible in the message.
type idValidator struct {
	// noun names the identifier in messages, as in "user pool id".
	noun string

	// shape says in words what pattern requires, and example is a valid
	// identifier.
	shape   string
	example string

	// maxLength is the API's maximum length; every identifier it has is at
	// least one character long.
	maxLength int
	pattern   *regexp.Regexp
}

func (v idValidator) Description(_ context.Context) string {
	return fmt.Sprintf("must be 1 to %d characters: %s, as in %s", v.maxLength, v.shape, v.example)
}

func (v idValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v idValidator) ValidateString(ctx context.Context, req validator.StringRequest,
	resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}

	id := req.ConfigValue.ValueString()
	var problem string
	switch {
	case len(id) > v.maxLength:
		problem = fmt.Sprintf("is %d characters long", len(id))
	case strings.TrimSpace(id) != id:
		problem = "has white space around it"
	case !v.pattern.MatchString(id):
		problem = "does not have the form the API requires"
	default:
		return
	}

	resp.Diagnostics.AddAttributeError(req.Path, "invalid "+v.noun,
		fmt.Sprintf("%s %q %s. A %s %s.", req.Path, id, problem, v.noun, v.Description(ctx)))
}
