#!/usr/bin/env bash
# make testinstall: proves that `make install` puts the provider where
# Terraform and OpenTofu find it by themselves, offline. It installs into the
# default plugin directory of a scratch HOME, then, for each CLI given, runs
# `init` on a configuration of a user's own (source = "cognito-tf/cognito",
# no CLI configuration, no -plugin-dir) and checks that the CLI installed
# this build, stamped with its version, and that the binary serves its schema.
#
# Usage: check-install.sh <terraform or tofu binary>...
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
version="${VERSION:-0.1.0}"
platform="$(go env GOOS)_$(go env GOARCH)"

fail() {
  echo "testinstall: $*" >&2
  exit 1
}

# The Go caches stay where they are: a scratch HOME would otherwise make Go
# build from nothing and download every module again.
export GOCACHE GOMODCACHE GOPATH GOENV
GOCACHE="$(go env GOCACHE)"
GOMODCACHE="$(go env GOMODCACHE)"
GOPATH="$(go env GOPATH)"
GOENV="$(go env GOENV)"

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

# Whatever points the CLIs or `make install` elsewhere on this machine is
# dropped, so that only the defaults a new user has are in play.
unset PLUGIN_DIR TF_CLI_CONFIG_FILE TERRAFORM_CONFIG TF_PLUGIN_CACHE_DIR TF_DATA_DIR \
  XDG_DATA_HOME XDG_CONFIG_HOME
export HOME="$home" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
# A proxy on a closed loopback port: any attempt to reach a registry fails
# at once, so a passing run proves that init needed no network, even on a
# machine that has one.
export HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 NO_PROXY=

make -s -C "$root" install VERSION="$version" >"$home/install.log" 2>&1 ||
  { cat "$home/install.log" >&2; fail "make install failed (its output is above)"; }

for cli in "$@"; do
  case "$("$cli" version)" in
    OpenTofu*) name=OpenTofu host=registry.opentofu.org ;;
    Terraform*) name=Terraform host=registry.terraform.io ;;
    *) fail "$cli is neither Terraform nor OpenTofu" ;;
  esac

  config="$(mktemp -d "$home/config.XXXXXX")"
  # As the README has users write it: a source and no version, which
  # init resolves to the newest version the plugin directory holds.
  cat >"$config/main.tf" <<HCL
terraform {
  required_providers {
    cognito = {
      source = "cognito-tf/cognito"
    }
  }
}

provider "cognito" {
  region = "eu-west-1"
}
HCL

  if ! "$cli" -chdir="$config" init -input=false -no-color >"$config/init.log" 2>&1; then
    cat "$config/init.log" >&2
    fail "$name could not initialise a configuration using the installed provider" \
      "(its output is above)"
  fi
  grep -q "Installed cognito-tf/cognito v$version" "$config/init.log" ||
    { cat "$config/init.log" >&2; fail "$name did not install cognito-tf/cognito v$version"; }
  grep -q "provider \"$host/cognito-tf/cognito\"" "$config/.terraform.lock.hcl" ||
    fail "$name locked the provider under another host than $host"

  installed="$config/.terraform/providers/$host/cognito-tf/cognito/$version/$platform/terraform-provider-cognito_v$version"
  [ -x "$installed" ] || fail "$name did not put the provider at $installed"
  stamped="$("$installed" -version)"
  [ "$stamped" = "$version" ] ||
    fail "the installed provider calls itself version '$stamped', expected '$version'"

  "$cli" -chdir="$config" providers schema -json >"$config/schema.json" ||
    fail "$name could not read the installed provider's schema"
  grep -q '"cognito_user_import_jobs"' "$config/schema.json" ||
    fail "the installed provider's schema has no cognito_user_import_jobs data source"

  echo "$name $("$cli" version | head -n 1 | sed 's/^[^v]*v//') initialised cognito-tf/cognito" \
    "v$version from the plugin directory, offline"
done
