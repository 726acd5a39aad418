#!/usr/bin/env bash
# Builds the pinned Terraform CLI from the Go module proxy into
# .tools/terraform/<version>/ unless it is already there, and prints its
# absolute path. Terraform's own releases cannot be downloaded offline, and
# terraform-plugin-testing would otherwise try to.
set -euo pipefail

version="${1:-1.5.7}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.tools/terraform/$version"

if [ ! -x "$dir/terraform" ]; then
  echo "Building Terraform $version into $dir (several minutes, once)..." >&2
  mkdir -p "$dir"
  # Outside the project's module, so that its go.mod plays no part.
  (cd "$dir" && GOBIN="$dir" GOFLAGS= go install "github.com/hashicorp/terraform@v$version") >&2
fi

echo "$dir/terraform"
