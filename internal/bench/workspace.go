package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

const (
	// providerVersion is the version the provider is installed as in the
	// mirrors; any release version does, as nothing pins one.
	providerVersion = "0.1.0"

	// providerBinary is the name Terraform looks for in a mirror.
	providerBinary = "terraform-provider-cognito_v" + providerVersion
)

// providerHosts are where Terraform and OpenTofu each look for
// `cognito-tf/cognito`: OpenTofu resolves a short source to its own
// registry.
var providerHosts = []string{"registry.terraform.io", "registry.opentofu.org"}

// CLI is a Terraform or OpenTofu binary to plan with.
type CLI struct {
	// Name says which it is in the report, such as "Terraform 1.5.7".
	Name string
	Path string
}

// mirror lays out a provider binary, or anything that runs like one, as a
// filesystem mirror for `init -plugin-dir`, under both registry hosts.
func mirror(dir string, install func(path string) error) error {
	platform := runtime.GOOS + "_" + runtime.GOARCH
	for _, host := range providerHosts {
		target := filepath.Join(dir, host, "cognito-tf", "cognito", providerVersion, platform, providerBinary)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := install(target); err != nil {
			return fmt.Errorf("installing the provider into %s: %w", dir, err)
		}
	}
	return nil
}

// copyExecutable copies the executable at src to dst.
func copyExecutable(src string) func(dst string) error {
	return func(dst string) error {
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o755)
	}
}

// peakRSSScript is a plugin that runs the provider under peak-rss, which
// appends the provider's peak RSS to record when Terraform is done with it.
func peakRSSScript(peakRSS, provider, record string) func(dst string) error {
	script := fmt.Sprintf("#!/bin/sh\nexec %s -record %s -- %s \"$@\"\n",
		shellQuote(peakRSS), shellQuote(record), shellQuote(provider))
	return func(dst string) error {
		return os.WriteFile(dst, []byte(script), 0o755)
	}
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// workspace is a copy of the configuration, initialised by one CLI with
// the provider of one mirror, as a user's working directory would be.
type workspace struct {
	cli CLI
	dir string
	env []string
}

// newWorkspace copies the configuration of configDir into dir and runs
// `init` there, installing the provider from the mirror.
func newWorkspace(ctx context.Context, cli CLI, configDir, mirrorDir, dir string) (*workspace, error) {
	if err := os.CopyFS(dir, os.DirFS(configDir)); err != nil {
		return nil, fmt.Errorf("copying %s: %w", configDir, err)
	}
	// A CLI configuration of its own, so that no mirror, override or
	// plugin cache of the machine plays a part.
	cliConfig := filepath.Join(dir, ".terraformrc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		return nil, err
	}
	awsConfig := filepath.Join(dir, ".aws-config")
	if err := os.WriteFile(awsConfig, nil, 0o600); err != nil {
		return nil, err
	}

	var env []string
	for _, v := range os.Environ() {
		if !strings.HasPrefix(v, "AWS_") && !strings.HasPrefix(v, "TF_") {
			env = append(env, v)
		}
	}
	env = append(env,
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"TF_IN_AUTOMATION=1",
		"TF_INPUT=0",
		"CHECKPOINT_DISABLE=1",
		// The local endpoint's key pair, which opens nothing else.
		"AWS_ACCESS_KEY_ID="+cognitolocal.DefaultCredential.AccessKeyID,
		"AWS_SECRET_ACCESS_KEY="+cognitolocal.DefaultCredential.SecretAccessKey,
		"AWS_CONFIG_FILE="+awsConfig,
		"AWS_SHARED_CREDENTIALS_FILE="+awsConfig,
		"AWS_EC2_METADATA_DISABLED=true",
	)

	w := &workspace{cli: cli, dir: dir, env: env}
	if _, _, err := w.run(ctx, nil, "init", "-input=false", "-no-color", "-plugin-dir="+mirrorDir); err != nil {
		return nil, err
	}
	return w, nil
}

// run runs the CLI with args and extra environment, and returns how long
// it took and what it printed.
func (w *workspace) run(ctx context.Context, env []string, args ...string) (time.Duration, string, error) {
	cmd := exec.CommandContext(ctx, w.cli.Path, args...)
	cmd.Dir = w.dir
	cmd.Env = append(append([]string(nil), w.env...), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out

	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		return elapsed, "", fmt.Errorf("%s %s: %w\n%s", w.cli.Name, args[0], err, lastLines(out.String(), 30))
	}
	return elapsed, out.String(), nil
}

// plan runs `plan` of the pool of n jobs at the endpoint and returns how
// long it took. It fails unless the plan shows all n jobs, so that a fast
// plan that read less is never taken for a fast read.
func (w *workspace) plan(ctx context.Context, endpointURL string, n int,
	env ...string) (time.Duration, error) {
	elapsed, out, err := w.run(ctx, env, "plan", "-input=false", "-no-color", "-lock=false",
		"-var", "endpoint="+endpointURL, "-var", "user_pool_id="+poolID(n))
	if err != nil {
		return elapsed, err
	}

	if !regexp.MustCompile(fmt.Sprintf(`job_count\s+=\s+%d\n`, n)).MatchString(out) {
		return elapsed, fmt.Errorf("%s plan of %s did not show job_count = %d:\n%s",
			w.cli.Name, poolID(n), n, lastLines(out, 30))
	}
	return elapsed, nil
}

// lastLines is the end of a command's output, enough to say why it failed.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// readPeakRSS reads the records peak-rss appended to path, one per
// provider process, and returns the largest in bytes and how many there
// were.
func readPeakRSS(path string) (peak int64, processes int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, fmt.Errorf("reading the provider's peak RSS: %w", err)
	}
	// Read only: closing it can lose nothing.
	defer func() { _ = f.Close() }()

	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		fields := strings.Fields(scanner.Text())
		if len(fields) == 0 {
			continue
		}
		kib, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("reading the provider's peak RSS: line %q", scanner.Text())
		}
		peak = max(peak, kib*1024)
		processes++
	}
	if err := scanner.Err(); err != nil {
		return 0, 0, err
	}
	if processes == 0 {
		return 0, 0, fmt.Errorf("reading the provider's peak RSS: %s records no provider process", path)
	}
	return peak, processes, nil
}
