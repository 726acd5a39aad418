package importjobs_test

import (
	"regexp"
	"strings"
)

// errorPattern matches a diagnostic holding each fragment, in order, however
// Terraform wraps its lines: a space of a fragment matches any run of white
// space.
func errorPattern(fragments ...string) *regexp.Regexp {
	quoted := make([]string, 0, len(fragments))
	for _, fragment := range fragments {
		words := strings.Fields(fragment)
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		quoted = append(quoted, strings.Join(words, `\s+`))
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, `.*`))
}
