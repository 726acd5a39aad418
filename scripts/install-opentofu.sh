#!/usr/bin/env bash
# Builds the pinned OpenTofu CLI from the Go module proxy into
# .tools/opentofu/<version>/ unless it is already there, and prints its
# absolute path. OpenTofu's module carries a replace directive, so
# `go install module@version` refuses it; it builds from a writable copy of
# the downloaded module instead, where the directive applies as it should.
set -euo pipefail

version="${1:-1.10.6}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.tools/opentofu/$version"

if [ ! -x "$dir/tofu" ]; then
  echo "Building OpenTofu $version into $dir (several minutes, once)..." >&2
  work="$(mktemp -d)"
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

  # Outside the project's module, so that its go.mod plays no part.
  module="$(cd "$work" && GOFLAGS= go mod download -json "github.com/opentofu/opentofu@v$version" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  if [ -z "$module" ] || [ ! -d "$module" ]; then
    echo "could not download github.com/opentofu/opentofu@v$version" >&2
    exit 1
  fi

  # The module cache is read-only; the build wants to write next to go.mod.
  cp -R "$module" "$work/src"
  chmod -R u+w "$work/src"

  # Built beside its final place and then renamed, so that an interrupted
  # build never leaves a binary that looks installed.
  # version.dev=no is how OpenTofu's own releases are built: without it the
  # binary calls itself <version>-dev.
  mkdir -p "$dir"
  (cd "$work/src" && GOFLAGS= go build -trimpath \
    -ldflags "-X github.com/opentofu/opentofu/version.dev=no" \
    -o "$dir/tofu.partial" ./cmd/tofu) >&2
  mv "$dir/tofu.partial" "$dir/tofu"
fi

echo "$dir/tofu"
