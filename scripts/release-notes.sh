#!/usr/bin/env bash
# Prints the section of CHANGELOG.md for one version, without its heading:
# the release notes that `goreleaser release --release-notes` publishes.
# Fails when CHANGELOG.md has no section for the version.
#
# Usage: release-notes.sh <version>, such as 0.1.0
set -euo pipefail

version="${1:?usage: release-notes.sh <version>}"
root="$(cd "$(dirname "$0")/.." && pwd)"

notes="$(awk -v version="$version" '
  /^## / { inside = ($2 == version) ; if (inside) found = 1 ; next }
  inside { print }
  END { exit !found }
' "$root/CHANGELOG.md")" || {
  echo "release-notes: CHANGELOG.md has no section \"## $version\"" >&2
  exit 1
}

# Without the blank lines around the section.
printf '%s\n' "$notes" | sed -e '/./,$!d' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
