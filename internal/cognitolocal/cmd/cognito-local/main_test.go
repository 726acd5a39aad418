package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

func TestParse_readsEveryFaultFlag(t *testing.T) {
	cfg, err := parse([]string{
		"-throttle", "3", "-internal-errors", "-1", "-malformed-bodies", "2", "-latency", "50ms",
		"-rate-limit", "5", "-page-size", "7", "-empty-final-token", "-token-after-last-job",
		"-repeat-token", "-exponent-timestamps", "-offset-token", "-fault-operation", "ListUserImportJobs",
		"-role", "arn:aws:iam::123456789012:role/Reader", "-region", "eu-west-1",
	}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}

	want := cognitolocal.Faults{
		Operations: []string{"ListUserImportJobs"}, Throttle: 3, InternalErrors: cognitolocal.Always,
		MalformedBodies: 2, Latency: 50 * time.Millisecond, RateLimit: 5, PageSize: 7,
		EmptyFinalToken: true, TokenAfterLastJob: true, RepeatToken: true, ExponentTimestamps: true,
		OffsetToken: true,
	}
	got, _ := json.Marshal(cfg.faults)
	expected, _ := json.Marshal(want)
	if !bytes.Equal(got, expected) {
		t.Errorf("parsed faults %s, expected %s", got, expected)
	}
	if len(cfg.roles) != 1 || len(cfg.regions) != 1 {
		t.Errorf("parsed roles %v and regions %v, expected one of each", cfg.roles, cfg.regions)
	}
}

func TestParse_refusesNonsense(t *testing.T) {
	for _, args := range [][]string{
		{"-latency", "-5ms"},
		{"-throttle", "-2"},
		{"-rate-limit", "-1"},
		{"seed.json"},
		{"-latency", "fast"},
	} {
		if _, err := parse(args, io.Discard); err == nil {
			t.Errorf("parsing %q succeeded, expected an error", args)
		}
	}
}

// running is the built command, serving until the test ends.
type running struct {
	cmd   *exec.Cmd
	lines *bufio.Scanner
	url   string
}

// runCommand builds the command and runs it with args and -addr-file, and
// returns it once it listens.
func runCommand(t *testing.T, args ...string) *running {
	t.Helper()

	dir := t.TempDir()
	binary := filepath.Join(dir, "cognito-local")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		t.Fatalf("building cognito-local: %v\n%s", err, out)
	}
	addrFile := filepath.Join(dir, "addr")

	cmd := exec.Command(binary, append(args, "-addr-file", addrFile)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "cognito-local listening on http://127.0.0.1:") {
		t.Fatalf("the command first printed %q, expected where it listens", lines.Text())
	}

	return &running{cmd: cmd, lines: lines, url: strings.TrimSpace(readFile(t, addrFile))}
}

// TestCommand_servesWithFaultsAndCountsWhatItServed runs the built command
// as a script would: faults from a file, changed with SIGHUP, and the
// counts printed when it is stopped.
func TestCommand_servesWithFaultsAndCountsWhatItServed(t *testing.T) {
	faults := filepath.Join(t.TempDir(), "faults.json")
	writeFile(t, faults, `{"Throttle": 1}`)
	r := runCommand(t, "-seed", filepath.Join("..", "..", "..", "..", "testdata", "seed-fixtures.json"),
		"-faults", faults)
	cmd, lines, url := r.cmd, r.lines, r.url

	codes := []string{list(t, url), list(t, url)}
	writeFile(t, faults, `{"InternalErrors": -1}`)
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if !lines.Scan() || !strings.Contains(lines.Text(), "faults read again") {
		t.Fatalf("after SIGHUP the command printed %q, expected that it read the faults again", lines.Text())
	}
	codes = append(codes, list(t, url))

	if strings.Join(codes, ",") != "TooManyRequestsException,,InternalErrorException" {
		t.Errorf("three requests answered %q, expected a throttle, a success, then an internal error", codes)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var rest strings.Builder
	for lines.Scan() {
		rest.WriteString(lines.Text() + "\n")
	}
	// The three requests were sent once each, without an SDK's invocation
	// id, so that each is a call of its own.
	want := "cognito-local served 3 requests in 3 SDK calls\n" +
		"  ListUserImportJobs            3 requests      3 calls\n"
	if rest.String() != want {
		t.Errorf("on stopping the command printed:\n%s\nexpected exactly:\n%s", rest.String(), want)
	}
}

func TestCommand_givesASeedPoolTheFaultsOfItsOptionsAndItsCSVHeader(t *testing.T) {
	const pool = "eu-west-1_Qx7Zk2Lm9"
	seed := filepath.Join(t.TempDir(), "seed.json")
	writeFile(t, seed, `{"UserPools": [{
  "UserPoolId": "`+pool+`",
  "Options": {"Throttle": 1, "Operations": ["ListUserImportJobs"]},
  "CSVHeader": ["cognito:username", "email", "custom:department"],
  "UserImportJobs": [{"JobId": "import-Seeded0001", "CreationDate": 1763461002.853}]
}]}`)
	r := runCommand(t, "-seed", seed)

	codes := []string{list(t, r.url), list(t, r.url)}
	code, answer := call(t, r.url, "GetCSVHeader", `{"UserPoolId":"`+pool+`"}`)

	if strings.Join(codes, ",") != "TooManyRequestsException," {
		t.Errorf("two listings answered %q, expected the seed's one throttle, then the jobs", codes)
	}
	var header struct{ CSVHeader []string }
	if err := json.Unmarshal(answer, &header); code != "" || err != nil ||
		strings.Join(header.CSVHeader, ",") != "cognito:username,email,custom:department" {
		t.Errorf("GetCSVHeader answered %q with %v, expected the seed's header", code, header.CSVHeader)
	}
}

// list lists the seed's pool once and returns the error code of the answer.
func list(t *testing.T, url string) string {
	t.Helper()

	code, _ := call(t, url, "ListUserImportJobs", `{"UserPoolId":"eu-west-1_Qx7Zk2Lm9","MaxResults":60}`)
	return code
}

// call sends one signed request of a user pools operation and returns the
// error code and the body of the answer.
func call(t *testing.T, url, operation, body string) (string, []byte) {
	t.Helper()

	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "AWSCognitoIdentityProviderService."+operation)
	sum := sha256.Sum256([]byte(body))
	cred := aws.Credentials{AccessKeyID: cognitolocal.DefaultCredential.AccessKeyID,
		SecretAccessKey: cognitolocal.DefaultCredential.SecretAccessKey}
	if err := v4.NewSigner().SignHTTP(context.Background(), cred, req, hex.EncodeToString(sum[:]),
		"cognito-idp", "eu-west-1", time.Now()); err != nil {
		t.Fatal(err)
	}

	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.Header.Get("X-Amzn-Errortype"), answer
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()

	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()

	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
