package bench

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccSections_countRequestsAndMeasurePlansThroughTheCLI runs the
// sections of `make bench` that drive the Terraform CLI, once each and
// without latency, so that a change of the provider, the configuration or
// the CLI that would break the benchmarks breaks a test first. It asserts
// what a plan did, never how fast it was.
func TestAccSections_countRequestsAndMeasurePlansThroughTheCLI(t *testing.T) {
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Skipf("acceptance test: set %s=1 to run it", resource.EnvTfAcc)
	}
	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if !filepath.IsAbs(path) {
		t.Fatalf("TF_ACC_TERRAFORM_PATH is %q, expected the absolute path of a Terraform CLI", path)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	cli := CLI{Name: "the CLI under test", Path: path}
	cfg := Config{Root: root, ConfigDir: "examples/demo", CLIs: []CLI{cli}, PlanRuns: 1, Progress: io.Discard}
	ctx := context.Background()
	built, err := build(ctx, cfg, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}

	requests := requestsSection(ctx, cfg, built)

	if requests.Err != nil {
		t.Fatal(requests.Err)
	}
	if len(requests.Figures) != 2*len(requestSizes) {
		t.Errorf("the requests section has %d figures, expected 2 for each of %d pool sizes",
			len(requests.Figures), len(requestSizes))
	}
	for _, f := range requests.Figures {
		if f.Verdict != Met {
			t.Errorf("%s: %s, expected %s", f.Name, f.Value, f.Target)
		}
	}

	endToEnd, plan := endToEndSection(ctx, cfg, built, cli)

	if endToEnd.Err != nil {
		t.Fatal(endToEnd.Err)
	}
	if plan <= 0 {
		t.Errorf("the plan of 1,000 jobs took %s, expected a measured time", plan)
	}
	var peaks []string
	for _, f := range endToEnd.Figures {
		if strings.HasPrefix(f.Name, "provider peak RSS") {
			peaks = append(peaks, f.Value)
			if !strings.HasSuffix(f.Value, " MiB") || strings.HasPrefix(f.Value, "0.0 ") {
				t.Errorf("%s is %q, expected a size in MiB recorded by peak-rss", f.Name, f.Value)
			}
		}
	}
	if len(peaks) != 2 {
		t.Errorf("found the peak RSS figures %v, expected one for 1,000 jobs and one for 1 job", peaks)
	}
}
