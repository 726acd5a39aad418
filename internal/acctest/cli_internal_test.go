package acctest

import "testing"

func TestDefaultHostOf_namesEachCLIsRegistry(t *testing.T) {
	for output, want := range map[string]string{
		"OpenTofu v1.10.6\non linux_amd64\n": "registry.opentofu.org",
		"Terraform v1.5.7\non linux_amd64\n": "registry.terraform.io",
	} {
		if got := defaultHostOf(output); got != want {
			t.Errorf("defaultHostOf(%q) = %q, expected %q", output, got, want)
		}
	}
}
