// Command terraform-provider-cognito serves the Cognito provider to
// Terraform over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/cognito-tf/terraform-provider-cognito/internal/provider"
)

// version is stamped at build time with -ldflags "-X main.version=...", by
// `make build`, `make install` and the release build alike.
var version = "dev"

func main() {
	var debug, printVersion bool
	flag.BoolVar(&debug, "debug", false, "serve for a debugger such as delve, printing "+
		"the TF_REATTACH_PROVIDERS value for Terraform to use")
	flag.BoolVar(&printVersion, "version", false, "print the version stamped in at build time and exit")
	flag.Parse()

	// Terraform starts the binary without flags; -version is for the people
	// and scripts that want to know which build is installed.
	if printVersion {
		fmt.Println(version)
		return
	}

	// NOTE: in debug mode the address names the provider in the printed
	// TF_REATTACH_PROVIDERS, and OpenTofu knows the provider by
	// registry.opentofu.org instead: its users change the key by hand.
	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address:         "registry.terraform.io/cognito-tf/cognito",
		Debug:           debug,
		ProtocolVersion: 6,
	})
	if err != nil {
		log.Fatal(err)
	}
}
