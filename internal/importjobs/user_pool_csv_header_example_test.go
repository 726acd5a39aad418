package importjobs_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
)

// TestAccUserPoolCSVHeader_exampleRunsAsDocumented applies the example of
// the data source's documentation against the local endpoint, for a pool
// that has every exported column and then for one that lacks one.
func TestAccUserPoolCSVHeader_exampleRunsAsDocumented(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	header := append(append([]string{}, standardCSVHeader...), "custom:department")
	e.SetCSVHeader(testPoolID, header)

	w := acctest.NewWorkspace(t, filepath.Join("..", "..", "examples", "data-sources",
		"cognito_user_pool_csv_header"))
	exampleProvider(t, w, e)

	w.MustRun("init", "-no-color")
	stdout := w.MustRun("apply", "-no-color", "-auto-approve")

	assertJSONEqual(t, "csv_header_line", w.Outputs()["csv_header_line"], strings.Join(header, ","))
	if strings.Contains(stdout, "Check block assertion failed") {
		t.Errorf("expected no warning for a pool with every exported column, the apply said:\n%s", stdout)
	}

	// A pool without the custom attribute: the check warns, and the run
	// goes on.
	e.SetCSVHeader(testPoolID, standardCSVHeader)

	stdout = w.MustRun("apply", "-no-color", "-auto-approve")
	if !errorPattern("Warning: Check block assertion failed",
		"The user pool has no attribute for custom:department.").MatchString(stdout) {
		t.Errorf("expected the check to warn of the missing custom:department, the apply said:\n%s", stdout)
	}
	assertJSONEqual(t, "csv_header_line", w.Outputs()["csv_header_line"],
		strings.Join(standardCSVHeader, ","))
}
