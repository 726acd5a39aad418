package importjobs

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// userPoolIDPattern is the API's rule for a user pool id: a region, an
// underscore, then letters and digits.
var userPoolIDPattern = regexp.MustCompile(`^[\w-]+_[0-9a-zA-Z]+$`)

// userPoolIDValidator checks a user pool id against the API's rule at plan
// time, so that a typo never becomes a request. It quotes the value it
// rejects, since a stray space is otherwise invisible in the message.
type userPoolIDValidator struct{}

func (userPoolIDValidator) Description(_ context.Context) string {
	return "must be 1 to 55 characters: a region, an underscore, then letters and digits, " +
		"as in eu-west-1_Qx7Zk2Lm9"
}

func (v userPoolIDValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v userPoolIDValidator) ValidateString(ctx context.Context, req validator.StringRequest,
	resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}

	id := req.ConfigValue.ValueString()
	var problem string
	switch {
	case len(id) > 55:
		problem = fmt.Sprintf("is %d characters long", len(id))
	case strings.TrimSpace(id) != id:
		problem = "has white space around it"
	case !userPoolIDPattern.MatchString(id):
		problem = "is not shaped like one"
	default:
		return
	}

	resp.Diagnostics.AddAttributeError(req.Path, "invalid user pool id",
		fmt.Sprintf("%s %q %s: a user pool id %s.", req.Path, id, problem, v.Description(ctx)))
}
