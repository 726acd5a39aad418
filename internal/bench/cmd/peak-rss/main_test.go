//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// childEnv makes the test binary act as the command peak-rss runs.
const childEnv = "PEAK_RSS_TEST_CHILD"

// childMiB is what the child allocates and touches, so that its peak is
// known to be at least that.
const childMiB = 64

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		block := make([]byte, childMiB<<20)
		for i := range block {
			block[i] = byte(i)
		}
		fmt.Printf("child wrote %d\n", block[len(block)-1])
		os.Exit(3)
	}
	os.Exit(m.Run())
}

func TestRun_recordsThePeakRSSOfTheCommandAndPassesItsStatusOn(t *testing.T) {
	t.Setenv(childEnv, "1")
	record := filepath.Join(t.TempDir(), "rss.log")
	var stdout, stderr bytes.Buffer

	code, err := run([]string{"-record", record, "--", os.Args[0]}, strings.NewReader(""), &stdout, &stderr)

	if err != nil {
		t.Fatal(err)
	}
	if code != 3 {
		t.Errorf("exited with %d, expected the command's 3", code)
	}
	if !strings.Contains(stdout.String(), "child wrote") {
		t.Errorf("the command's output %q did not come through", stdout.String())
	}
	line, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	fields := strings.Fields(string(line))
	if len(fields) != 2 || fields[1] != filepath.Base(os.Args[0]) {
		t.Fatalf("recorded %q, expected \"<KiB> %s\"", line, filepath.Base(os.Args[0]))
	}
	kib, err := strconv.Atoi(fields[0])
	if err != nil || kib < childMiB*1024 {
		t.Errorf("recorded a peak of %s KiB, expected at least the %d MiB the command touched", fields[0], childMiB)
	}
}

func TestRun_appendsARecordForEachCommand(t *testing.T) {
	record := filepath.Join(t.TempDir(), "rss.log")

	for range 2 {
		_, err := run([]string{"-record", record, "--", "true"}, nil, &bytes.Buffer{}, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
	}

	b, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(string(b), "\n"); lines != 2 {
		t.Errorf("the record holds %d lines, expected one for each of 2 commands:\n%s", lines, b)
	}
}

func TestRun_refusesACommandLineWithoutRecordOrCommand(t *testing.T) {
	for _, args := range [][]string{
		{"--", "true"},
		{"-record", "rss.log"},
	} {
		code, err := run(args, nil, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || code != 2 {
			t.Errorf("peak-rss %v exited %d with error %v, expected 2 and a usage error", args, code, err)
		}
	}
}
