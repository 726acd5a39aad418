package importjobs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// TestAccREADME_ownConfigurationPlansAgainstTheEndpoint applies the
// configuration that the README's local-endpoint section gives a new user,
// as it is printed there, with the environment it sets and the demo's
// seed file.
func TestAccREADME_ownConfigurationPlansAgainstTheEndpoint(t *testing.T) {
	t.Parallel()

	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const intro = "such as this `main.tf`:\n\n```terraform\n"
	_, rest, found := strings.Cut(string(readme), intro)
	config, _, closed := strings.Cut(rest, "```")
	if !found || !closed {
		t.Fatalf("README.md has no terraform block after %q", intro)
	}

	e := acctest.NewEndpoint(t)
	if err := e.LoadSeedFile(filepath.Join("..", "..", "examples", "demo", "jobs.json")); err != nil {
		t.Fatal(err)
	}
	w := acctest.NewWorkspace(t, t.TempDir())
	if err := writeFile(filepath.Join(w.Dir, "main.tf"), config); err != nil {
		t.Fatal(err)
	}
	for name, value := range map[string]string{
		"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": e.URL,
		"AWS_ACCESS_KEY_ID":                          cognitolocal.DefaultCredential.AccessKeyID,
		"AWS_SECRET_ACCESS_KEY":                      cognitolocal.DefaultCredential.SecretAccessKey,
		"AWS_REGION":                                 acctest.Region,
		"AWS_PROFILE":                                "",
		"AWS_SESSION_TOKEN":                          "",
	} {
		w.Setenv(name, value)
	}

	w.MustRun("init", "-no-color")
	w.MustRun("apply", "-no-color", "-auto-approve")

	// The demo's succeeded and failed jobs, newest first; its expired one
	// is filtered out.
	assertJSONEqual(t, "jobs", w.Outputs()["jobs"], []string{
		"customers-batch-4: Succeeded",
		"customers-batch-3: Failed",
		"customers-batch-1: Succeeded",
		"staff pilot: Succeeded",
	})
	e.CheckListings(t, testPoolID, 1)
}
