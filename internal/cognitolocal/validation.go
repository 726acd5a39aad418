package cognitolocal

import (
	"fmt"
	"regexp"
	"strings"
)

// violations collects the members of a request that break the API's rules,
// to be reported together, in the service's words.
type violations []string

func (v *violations) add(value any, member, constraint string) {
	shown := "null"
	switch value := value.(type) {
	case *string:
		if value != nil {
			shown = fmt.Sprintf("'%s'", *value)
		}
	case *int:
		if value != nil {
			shown = fmt.Sprintf("'%d'", *value)
		}
	}
	*v = append(*v, fmt.Sprintf("Value %s at '%s' failed to satisfy constraint: %s",
		shown, member, constraint))
}

func (v *violations) required(value any, member string) bool {
	missing := false
	switch value := value.(type) {
	case *string:
		missing = value == nil
	case *int:
		missing = value == nil
	}
	if missing {
		v.add(value, member, "Member must not be null")
	}
	return !missing
}

func (v *violations) stringRule(value *string, member string, minLen, maxLen int, pattern *regexp.Regexp) {
	if value == nil {
		return
	}
	if n := len([]rune(*value)); n < minLen || n > maxLen {
		v.add(value, member, fmt.Sprintf("Member must have length between %d and %d", minLen, maxLen))
		return
	}
	if pattern != nil && !pattern.MatchString(*value) {
		v.add(value, member, fmt.Sprintf("Member must satisfy regular expression pattern: %s",
			strings.TrimSuffix(strings.TrimPrefix(pattern.String(), "^"), "$")))
	}
}

func (v *violations) intRange(value *int, member string, minValue, maxValue int) {
	if value == nil {
		return
	}
	if *value < minValue {
		v.add(value, member, fmt.Sprintf("Member must have value greater than or equal to %d", minValue))
	}
	if *value > maxValue {
		v.add(value, member, fmt.Sprintf("Member must have value less than or equal to %d", maxValue))
	}
}

// userPoolID checks the UserPoolId member every import-job request has.
func (v *violations) userPoolID(value *string) {
	if v.required(value, "userPoolId") {
		v.stringRule(value, "userPoolId", 1, 55, userPoolIDPattern)
	}
}

// err is the violations as the user pools API reports them.
func (v violations) err() error {
	return v.errorCoded("InvalidParameterException")
}

// errorCoded is the violations as an error of the given code, nil when
// there are none.
func (v violations) errorCoded(code string) error {
	if len(v) == 0 {
		return nil
	}
	noun := "error"
	if len(v) > 1 {
		noun = "errors"
	}
	return &apiError{status: 400, code: code,
		message: fmt.Sprintf("%d validation %s detected: %s", len(v), noun, strings.Join(v, "; "))}
}

// The API's rules for the members of import-job requests, from its model.
var (
	paginationTokenPattern = regexp.MustCompile(`^[\S]+$`)
	jobNamePattern         = regexp.MustCompile(`^[\w\s+=,.@-]+$`)
	jobIDPattern           = regexp.MustCompile(`^import-[0-9a-zA-Z-]+$`)
	arnPattern             = regexp.MustCompile(`^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:` +
		`[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$`)
)

// maxTokenLength bounds a pagination token. The model sets no maximum; the
// endpoint's own tokens are far shorter, and a bound keeps a hostile token
// from being echoed at length.
const maxTokenLength = 4096
