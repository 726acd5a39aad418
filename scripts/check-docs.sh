#!/usr/bin/env bash
# make docscheck: fails when docs/ is not what tfplugindocs makes of the
# schema, templates/ and examples/ today, that is when someone changed one of
# them and forgot `make docs`. Nothing in the tree is rewritten: the fresh
# docs are rendered into a scratch folder and compared with docs/.
#
# Usage: check-docs.sh <terraform binary> <tfplugindocs binary>
set -euo pipefail

terraform="$1"
tfplugindocs="$2"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# tfplugindocs joins its output folder to the provider's, so the scratch
# folder is inside the tree, under a git-ignored name.
scratch="$(mktemp -d "$root/.docscheck.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

if ! PATH="$(dirname "$terraform"):$PATH" "$tfplugindocs" generate --provider-name cognito \
  --rendered-website-dir "$(basename "$scratch")/docs" >"$scratch/generate.log" 2>&1; then
  cat "$scratch/generate.log" >&2
  echo "docscheck: tfplugindocs could not generate the docs (its output is above)" >&2
  exit 1
fi

if ! diff -ru docs "$scratch/docs" >&2; then
  echo "docscheck: docs/ differs from what tfplugindocs generates (the diff above);" \
    "run 'make docs' and commit docs/" >&2
  exit 1
fi
echo "docs/ is up to date"
