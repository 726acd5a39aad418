package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// maxAWSCLIPages bounds the hand-written loop, in case an endpoint keeps
// handing out tokens: a pool holds at most 1,000 jobs, 20 pages.
const maxAWSCLIPages = 100

// awsCLI runs the AWS CLI against the local endpoint with a configuration
// of its own, so that nothing of the machine's AWS setup takes part.
type awsCLI struct {
	path string
	env  []string
}

func newAWSCLI(path, dir string) (*awsCLI, error) {
	config := filepath.Join(dir, "config")
	credentials := filepath.Join(dir, "credentials")
	cred := cognitolocal.DefaultCredential
	files := map[string]string{
		config: "[default]\nregion = eu-west-1\noutput = json\n",
		credentials: "[default]\naws_access_key_id = " + cred.AccessKeyID +
			"\naws_secret_access_key = " + cred.SecretAccessKey + "\n",
	}
	for name, content := range files {
		if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
			return nil, err
		}
	}

	var env []string
	for _, v := range os.Environ() {
		if !strings.HasPrefix(v, "AWS_") {
			env = append(env, v)
		}
	}
	env = append(env, "AWS_CONFIG_FILE="+config, "AWS_SHARED_CREDENTIALS_FILE="+credentials,
		"AWS_PAGER=", "AWS_EC2_METADATA_DISABLED=true")

	return &awsCLI{path: path, env: env}, nil
}

// run runs the CLI with args and returns what it printed.
func (c *awsCLI) run(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, c.path, args...)
	cmd.Env = c.env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("aws %s: %w\n%s", strings.Join(args[:min(2, len(args))], " "), err,
			lastLines(errOut.String(), 10))
	}
	return out.Bytes(), nil
}

// startRuns is how many times the CLI's start alone is timed; the first
// start, which reads its files from disk, is not one of them.
const startRuns = 3

// version is what `aws --version` prints, and the median time the CLI
// takes to start and do nothing else.
func (c *awsCLI) version(ctx context.Context) (string, time.Duration, error) {
	out, err := c.run(ctx, "--version")
	if err != nil {
		return "", 0, err
	}

	times := make([]float64, 0, startRuns)
	for range startRuns {
		start := time.Now()
		if _, err := c.run(ctx, "--version"); err != nil {
			return "", 0, err
		}
		times = append(times, float64(time.Since(start)))
	}
	return strings.TrimSpace(string(out)), time.Duration(median(times)), nil
}

// listPages lists every job of the pool a page at a time, one process per
// page, as a user scripting the CLI must: neither the CLI nor botocore
// pages through ListUserImportJobs by itself. It returns the pages and the
// distinct jobs listed.
func (c *awsCLI) listPages(ctx context.Context, endpointURL, userPoolID string) (pages, jobs int, err error) {
	seen := make(map[string]bool)
	token := ""
	for pages < maxAWSCLIPages {
		args := []string{"cognito-idp", "list-user-import-jobs", "--endpoint-url", endpointURL,
			"--output", "json", "--user-pool-id", userPoolID, "--max-results", strconv.Itoa(60)}
		if token != "" {
			args = append(args, "--pagination-token", token)
		}
		out, err := c.run(ctx, args...)
		if err != nil {
			return pages, len(seen), err
		}
		pages++

		var page struct {
			UserImportJobs  []struct{ JobId string }
			PaginationToken string
		}
		if err := json.Unmarshal(out, &page); err != nil {
			return pages, len(seen), fmt.Errorf("aws list-user-import-jobs printed what is not JSON: %w", err)
		}
		for _, job := range page.UserImportJobs {
			seen[job.JobId] = true
		}
		if page.PaginationToken == "" {
			return pages, len(seen), nil
		}
		token = page.PaginationToken
	}
	return pages, len(seen), fmt.Errorf("aws list-user-import-jobs did not end within %d pages", maxAWSCLIPages)
}
