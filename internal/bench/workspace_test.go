package bench

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadPeakRSS_takesTheLargestOfTheProcesses(t *testing.T) {
	record := filepath.Join(t.TempDir(), "peak-rss.log")
	content := "28000 terraform-provider-cognito\n45000 terraform-provider-cognito\n" +
		"30000 terraform-provider-cognito\n"
	if err := os.WriteFile(record, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}

	peak, processes, err := readPeakRSS(record)

	if err != nil {
		t.Fatal(err)
	}
	if peak != 45000*1024 || processes != 3 {
		t.Errorf("read a peak of %d bytes over %d processes, expected %d over 3", peak, processes, 45000*1024)
	}
}

func TestReadPeakRSS_failsWhenNoProviderWasRecorded(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.log")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}

	for _, path := range []string{empty, filepath.Join(dir, "missing.log")} {
		if _, _, err := readPeakRSS(path); err == nil {
			t.Errorf("reading %s gave no error, expected one: no provider process was recorded", path)
		}
	}
}

func TestMirror_laysTheProviderOutForTerraformAndOpenTofu(t *testing.T) {
	dir := t.TempDir()

	err := mirror(dir, peakRSSScript("/opt/peak rss", "/opt/provider's", "/tmp/rss.log"))

	if err != nil {
		t.Fatal(err)
	}
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		matches, _ := filepath.Glob(filepath.Join(dir, host, "cognito-tf", "cognito", "0.1.0", "*",
			"terraform-provider-cognito_v0.1.0"))
		if len(matches) != 1 {
			t.Fatalf("found %v under %s, expected the provider once", matches, host)
		}
		script, err := os.ReadFile(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		want := `exec '/opt/peak rss' -record '/tmp/rss.log' -- '/opt/provider'\''s' "$@"`
		if !strings.Contains(string(script), want) {
			t.Errorf("the plugin under %s reads\n%s\nexpected it to run %s", host, script, want)
		}
	}
}
