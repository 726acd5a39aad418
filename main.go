// Command terraform-provider-cognito serves the Cognito provider to
// Terraform over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/cognito-tf/terraform-provider-cognito/internal/provider"
)

// version is stamped at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "serve for a debugger such as delve, printing "+
		"the TF_REATTACH_PROVIDERS value for Terraform to use")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address:         "registry.terraform.io/cognito-tf/cognito",
		Debug:           debug,
		ProtocolVersion: 6,
	})
	if err != nil {
		log.Fatal(err)
	}
}
