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

func (v violations) err() error {
	if len(v) == 0 {
		return nil
	}
	noun := "error"
	if len(v) > 1 {
		noun = "errors"
	}
	return &apiError{status: 400, code: "InvalidParameterException",
		message: fmt.Sprintf("%d validation %s detected: %s", len(v), noun, strings.Join(v, "; "))}
}

// paginationTokenPattern is the API's rule for a pagination token.
var paginationTokenPattern = regexp.MustCompile(`^[\S]+$`)
