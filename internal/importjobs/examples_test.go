package importjobs_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
)

// exampleProvider writes into the workspace the provider block that the
// documented examples leave to the page around them, pointing at the
// endpoint.
func exampleProvider(t *testing.T, w *acctest.Workspace, e *acctest.Endpoint) {
	t.Helper()

	provider := `
terraform {
  required_providers {
    cognito = {
      source = "cognito-tf/cognito"
    }
  }
}
` + e.ProviderConfig()
	if err := writeFile(filepath.Join(w.Dir, "provider.tf"), provider); err != nil {
		t.Fatal(err)
	}
}

// assertSecretOutput checks that a sensitive output holds want, printing
// neither value.
func assertSecretOutput(t *testing.T, name string, raw json.RawMessage, want string) {
	t.Helper()

	var got string
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("output %s is not a string", name)
	}
	if got != want {
		t.Errorf("output %s is not the expected value (withheld: a credential; got %d characters, "+
			"expected %d)", name, len(got), len(want))
	}
}

// writeFile writes content to path, readable by its owner only.
func writeFile(path, content string) error {
	return os.WriteFile(path, []byte(content), 0o600)
}
