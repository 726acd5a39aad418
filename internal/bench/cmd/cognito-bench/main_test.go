package main

import (
	"io"
	"testing"
	"time"
)

func TestParse_defaultsToTheIssuesScenario(t *testing.T) {
	s, err := parse(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}

	c := s.config
	if c.Latency != 50*time.Millisecond || c.RateLimit != 5 || c.ConfigDir != "examples/demo" {
		t.Errorf("defaults to %s of latency, %v requests a second and %s, expected 50ms, 5 and examples/demo",
			c.Latency, c.RateLimit, c.ConfigDir)
	}
	if s.terraform != ".tools/terraform/1.5.7/terraform" || s.opentofu != ".tools/opentofu/1.10.6/tofu" {
		t.Errorf("defaults to the CLIs %s and %s, expected the pinned ones under .tools", s.terraform, s.opentofu)
	}
}

func TestParse_refusesNonsense(t *testing.T) {
	for _, args := range [][]string{
		{"-latency", "-5ms"},
		{"-rate-limit", "0"},
		{"-plan-runs", "0"},
		{"-rounds", "-1"},
		{"report.txt"},
	} {
		if _, err := parse(args, io.Discard); err == nil {
			t.Errorf("cognito-bench %v was accepted, expected an error", args)
		}
	}
}
