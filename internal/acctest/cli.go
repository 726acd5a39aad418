package acctest

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// Registry hosts that the CLIs resolve a source address without a host,
// such as `cognito-tf/cognito`, to.
const (
	terraformRegistryHost = "registry.terraform.io"
	openTofuRegistryHost  = "registry.opentofu.org"
)

// providerHost is the registry host that the CLI under test resolves
// `cognito-tf/cognito` to. It comes from TF_ACC_PROVIDER_HOST, the variable
// terraform-plugin-testing reads for the providers it serves in-process, so
// that one setting serves both kinds of acceptance test.
func providerHost() string {
	if host := os.Getenv("TF_ACC_PROVIDER_HOST"); host != "" {
		return host
	}
	return terraformRegistryHost
}

// defaultHostOf is the registry host of the CLI whose `version` command
// printed versionOutput.
func defaultHostOf(versionOutput string) string {
	if strings.HasPrefix(versionOutput, "OpenTofu") {
		return openTofuRegistryHost
	}
	return terraformRegistryHost
}

var (
	cliHostOnce sync.Once
	cliHost     string
	cliHostErr  error
)

// checkProviderHost fails when the CLI at path resolves the provider to
// another host than providerHost. The tests would fail anyway, but with a
// "provider not found" or an address parsing error that hides the cause.
func checkProviderHost(path string) error {
	cliHostOnce.Do(func() {
		out, err := exec.Command(path, "version").Output()
		if err != nil {
			cliHostErr = fmt.Errorf("running %s version: %w", path, err)
			return
		}
		cliHost = defaultHostOf(string(out))
	})
	if cliHostErr != nil {
		return cliHostErr
	}

	if host := providerHost(); host != cliHost {
		return fmt.Errorf("TF_ACC_TERRAFORM_PATH names a CLI that resolves cognito-tf/cognito "+
			"to %s, but the tests serve the provider at %s: set TF_ACC_PROVIDER_HOST=%s",
			cliHost, host, cliHost)
	}
	return nil
}
