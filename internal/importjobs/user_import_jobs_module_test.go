package importjobs_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// TestAccUserImportJobs_demoModuleSummarisesTheJobs runs the demo
// configuration of examples/demo, whose child module takes the jobs and
// outputs a summary, through init and apply as a user would.
func TestAccUserImportJobs_demoModuleSummarisesTheJobs(t *testing.T) {
	t.Parallel()

	e := acctest.NewEndpoint(t)
	if err := e.LoadSeedFile(filepath.Join("..", "..", "testdata", "seed-fixtures.json")); err != nil {
		t.Fatal(err)
	}

	w := acctest.NewWorkspace(t, filepath.Join("..", "..", "examples", "demo"))
	w.Setenv("AWS_ACCESS_KEY_ID", cognitolocal.DefaultCredential.AccessKeyID)
	w.Setenv("AWS_SECRET_ACCESS_KEY", cognitolocal.DefaultCredential.SecretAccessKey)
	w.Setenv("AWS_PROFILE", "")
	w.Setenv("AWS_SESSION_TOKEN", "")

	w.MustRun("init", "-no-color")
	w.MustRun("apply", "-no-color", "-auto-approve", "-var", "endpoint="+e.URL)

	outputs := w.Outputs()
	expect := map[string]any{
		"job_count":        4,
		"counts_by_status": map[string]any{"Created": 1, "Succeeded": 1, "Expired": 1, "Failed": 1},
		"newest_job": map[string]any{
			"job_id":        "import-Tn4Wq8Rb2Y",
			"job_name":      "spring-migration-batch-3",
			"status":        "Created",
			"creation_date": "2025-11-19T10:15:00.417Z",
		},
		"newest_job_succeeded":   false,
		"users_imported":         4812 + 120,
		"users_failed":           41 + 7,
		"jobs_with_failed_users": []any{"spring-migration-batch-2", "pilot users"},
	}
	for name, want := range expect {
		raw, ok := outputs[name]
		if !ok {
			t.Errorf("output %s is missing", name)
			continue
		}
		assertJSONEqual(t, name, raw, want)
	}

	e.CheckListings(t, testPoolID, 1)
}

// assertJSONEqual compares a JSON value with want, after a round trip of
// want through JSON so that numbers compare as numbers.
func assertJSONEqual(t *testing.T, name string, raw json.RawMessage, want any) {
	t.Helper()

	var got, expected any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("output %s: %v", name, err)
	}
	b, _ := json.Marshal(want)
	_ = json.Unmarshal(b, &expected)

	if !reflect.DeepEqual(got, expected) {
		t.Errorf("output %s is %s, expected %s", name, raw, b)
	}
}
