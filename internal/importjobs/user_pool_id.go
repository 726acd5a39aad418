package importjobs

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// userPoolIDPattern is the API's rule for a user pool id: a region, an
// underscore, then letters and digits.
var userPoolIDPattern = regexp.MustCompile(`^[\w-]+_[0-9a-zA-Z]+$`)

// validUserPoolID accepts a user pool id that the API would accept.
func validUserPoolID() validator.String {
	return idValidator{
		noun:      "user pool id",
		shape:     "a region, an underscore, then letters and digits",
		example:   "eu-west-1_Qx7Zk2Lm9",
		maxLength: 55,
		pattern:   userPoolIDPattern,
	}
}
