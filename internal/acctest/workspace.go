package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// providerVersion is the version the test build of the provider is
// installed as in its filesystem mirror. It is a release version because
// Terraform never picks a prerelease without an exact constraint.
const providerVersion = "0.0.1"

var (
	buildOnce   sync.Once
	mirrorDir   string
	errBuilding error
)

// providerMirror builds the provider binary once per test run and lays it
// out as a filesystem mirror under providerHost, the way a user installs it
// offline.
func providerMirror(t *testing.T) string {
	t.Helper()

	buildOnce.Do(func() {
		// The mirror outlives the test that happens to build it: every later
		// test of the package installs from it.
		dir, err := os.MkdirTemp("", "cognito-provider-mirror") //nolint:usetesting // Shared by all tests.
		if err != nil {
			errBuilding = err
			return
		}
		platform := runtime.GOOS + "_" + runtime.GOARCH
		binary := filepath.Join(dir, providerHost(), "cognito-tf", "cognito",
			providerVersion, platform, "terraform-provider-cognito_v"+providerVersion)

		cmd := exec.Command("go", "build", "-o", binary, "github.com/cognito-tf/terraform-provider-cognito")
		if out, err := cmd.CombinedOutput(); err != nil {
			errBuilding = fmt.Errorf("building the provider: %w\n%s", err, out)
			return
		}
		mirrorDir = dir
	})

	if errBuilding != nil {
		t.Fatal(errBuilding)
	}
	return mirrorDir
}

// Main runs the tests of a package whose tests use workspaces, then removes
// the provider mirror they shared, which no single test can remove. Call it
// from the package's TestMain: os.Exit(acctest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if mirrorDir != "" {
		if err := os.RemoveAll(mirrorDir); err != nil {
			fmt.Fprintf(os.Stderr, "removing the provider mirror: %v\n", err)
		}
	}
	return code
}

// Workspace is a Terraform working directory driven through the real CLI,
// with the provider binary built from this tree and installed by
// `terraform init` from a local mirror, as a user would install it.
//
// terraform-plugin-testing serves the provider in-process instead, but it
// runs `terraform init` before writing a step's configuration, so modules
// are never installed, and it cannot interrupt a command.
type Workspace struct {
	Dir string
	t   *testing.T
	env []string
}

// NewWorkspace copies the directory src into a new working directory and
// points the CLI at a mirror holding the provider under test.
func NewWorkspace(t *testing.T, src string) *Workspace {
	t.Helper()

	// Skip without TF_ACC as resource.Test does, so that the unit test run
	// (make testunit) passes without a Terraform CLI.
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Skipf("acceptance test: set %s=1 to run it", resource.EnvTfAcc)
	}
	PreCheck(t)

	mirror := providerMirror(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatalf("copying %s: %v", src, err)
	}

	cliConfig := filepath.Join(t.TempDir(), "terraform.rc")
	err := os.WriteFile(cliConfig, []byte(fmt.Sprintf(`
provider_installation {
  filesystem_mirror {
    path    = %q
    include = ["%s/cognito-tf/cognito"]
  }
}
`, mirror, providerHost())), 0o600)
	if err != nil {
		t.Fatal(err)
	}

	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		"TF_INPUT=0",
	)

	return &Workspace{Dir: dir, t: t, env: env}
}

// NewConfigWorkspace is a workspace holding one file, main.tf, of config
// and the required_providers block that installs the provider under test.
func NewConfigWorkspace(t *testing.T, config string) *Workspace {
	t.Helper()

	w := NewWorkspace(t, t.TempDir())
	main := `
terraform {
  required_providers {
    cognito = {
      source = "cognito-tf/cognito"
    }
  }
}
` + config
	if err := os.WriteFile(filepath.Join(w.Dir, "main.tf"), []byte(main), 0o600); err != nil {
		t.Fatal(err)
	}

	return w
}

// Setenv sets an environment variable for the commands of the workspace.
func (w *Workspace) Setenv(name, value string) {
	w.env = append(w.env, name+"="+value)
}

// Command returns the terraform command with args, ready to start.
func (w *Workspace) Command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Getenv("TF_ACC_TERRAFORM_PATH"), args...)
	cmd.Dir = w.Dir
	cmd.Env = w.env
	return cmd
}

// Run runs terraform with args and returns what it wrote to stdout and
// stderr, and whether it failed.
func (w *Workspace) Run(args ...string) (stdout, stderr string, err error) {
	w.t.Helper()

	var out, errOut bytes.Buffer
	cmd := w.Command(context.Background(), args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()

	return out.String(), errOut.String(), err
}

// MustRun runs terraform with args and fails the test if it fails.
func (w *Workspace) MustRun(args ...string) string {
	w.t.Helper()

	stdout, stderr, err := w.Run(args...)
	if err != nil {
		w.t.Fatalf("terraform %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, stdout, stderr)
	}
	return stdout
}

// Outputs runs `terraform output -json` and decodes each output's value.
func (w *Workspace) Outputs() map[string]json.RawMessage {
	w.t.Helper()

	var outputs map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal([]byte(w.MustRun("output", "-json")), &outputs); err != nil {
		w.t.Fatalf("decoding terraform output -json: %v", err)
	}

	values := make(map[string]json.RawMessage, len(outputs))
	for name, o := range outputs {
		values[name] = o.Value
	}
	return values
}
