package importjobs

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// jobIDPattern is the API's rule for an import job id. The service's own
// ids are import- and ten letters and digits, but the rule also allows
// hyphens, and a longer id.
var jobIDPattern = regexp.MustCompile(`^import-[0-9a-zA-Z-]+$`)

// validJobID accepts an import job id that the API would accept.
func validJobID() validator.String {
	return idValidator{
		noun:      "user import job id",
		shape:     "import- followed by letters, digits and hyphens",
		example:   "import-qQ0DCt2fRh",
		maxLength: 55,
		pattern:   jobIDPattern,
	}
}
