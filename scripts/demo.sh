#!/usr/bin/env bash
# make demo: the provider end to end, offline. Builds the provider and the
# local Cognito endpoint, serves the sample jobs of examples/demo/jobs.json on
# loopback, then runs `terraform init` and `terraform apply` on the example
# configuration of examples/demo, whose child module summarises the jobs.
# Needs no AWS account and no network, and leaves nothing running.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

terraform="$(./scripts/install-terraform.sh "${TERRAFORM_VERSION:-1.5.7}")"
version="0.1.0"
platform="$(go env GOOS)_$(go env GOARCH)"
work="$root/.demo"

rm -rf "$work"
mkdir -p "$work/run"

echo "Building the provider and the local endpoint..."
go build -ldflags "-X main.version=$version" \
  -o "$work/plugins/registry.terraform.io/cognito-tf/cognito/$version/$platform/terraform-provider-cognito_v$version" .
go build -o "$work/cognito-local" ./internal/cognitolocal/cmd/cognito-local

"$work/cognito-local" -seed examples/demo/jobs.json -addr-file "$work/endpoint" >"$work/cognito-local.log" 2>&1 &
endpoint_pid=$!
trap 'kill "$endpoint_pid" 2>/dev/null || true; wait "$endpoint_pid" 2>/dev/null || true' EXIT

for _ in $(seq 100); do
  [ -s "$work/endpoint" ] && break
  kill -0 "$endpoint_pid" 2>/dev/null || { cat "$work/cognito-local.log" >&2; exit 1; }
  sleep 0.1
done
endpoint="$(cat "$work/endpoint")"
echo "Local Cognito endpoint at $endpoint"

cp -R examples/demo/. "$work/run/"

# A CLI configuration of the demo's own, so that no dev_overrides or mirror
# of the user's gets in the way; the provider comes from -plugin-dir.
: >"$work/terraform.rc"
export TF_CLI_CONFIG_FILE="$work/terraform.rc"
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
# The local endpoint's key pair; the configuration is the one for AWS.
export AWS_ACCESS_KEY_ID=AKIDCOGNITOLOCAL0001
export AWS_SECRET_ACCESS_KEY=cognito-local-secret-key-not-a-real-secret
unset AWS_SESSION_TOKEN AWS_PROFILE

# Colours only for a terminal, so that a log of the demo reads cleanly.
color=()
[ -t 1 ] || color=(-no-color)

# Runs one Terraform command with its output in .demo/<name>.log, shown only
# when the command fails: init's notes and apply's plan say nothing that the
# outputs printed below do not. (Among init's notes is a warning that the
# lock file holds the checksum of this platform only, as it must for a
# provider that comes from a local folder rather than a registry.)
quietly() {
  local name="$1"
  shift
  echo "terraform $name..."
  if ! "$terraform" -chdir="$work/run" "$name" "$@" >"$work/$name.log" 2>&1; then
    cat "$work/$name.log" >&2
    echo "demo: terraform $name failed (its output is above, and in .demo/$name.log)" >&2
    exit 1
  fi
}

quietly init -input=false "${color[@]}" -plugin-dir="$work/plugins"
quietly apply -input=false "${color[@]}" -auto-approve -var "endpoint=$endpoint"

echo
echo "Outputs of examples/demo, read from the local endpoint:"
echo
"$terraform" -chdir="$work/run" output "${color[@]}"
