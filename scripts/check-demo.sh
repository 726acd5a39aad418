#!/usr/bin/env bash
# make demotest: runs `make demo` as a new user would and fails unless it
# prints the outputs the README shows, value for value, and leaves no local
# endpoint running. Offline: a request to any registry would fail.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

fail() {
  echo "demotest: $*" >&2
  exit 1
}

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The outputs block of the README's "Try it" section: the code block after
# the sentence that announces it.
awk '
  /and prints its outputs:$/ { found = 1; next }
  found && /^```/ { if (inside) exit; inside = 1; next }
  inside { print }
' README.md >"$scratch/expected"
[ -s "$scratch/expected" ] || fail "found no outputs block in README.md's make demo section"

HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 NO_PROXY= \
  ./scripts/demo.sh </dev/null >"$scratch/demo.log" 2>&1 ||
  { cat "$scratch/demo.log" >&2; fail "make demo failed (its output is above)"; }

# What the demo prints after its own heading of the outputs.
awk 'printing { print } /^Outputs of examples\/demo/ { printing = 1 }' "$scratch/demo.log" |
  sed '/./,$!d' >"$scratch/printed"
if ! diff -u "$scratch/expected" "$scratch/printed" >&2; then
  fail "make demo printed other outputs than README.md shows (the diff above)"
fi

if pgrep -f "$root/.demo/cognito-local" >/dev/null; then
  fail "make demo left its local endpoint running"
fi
echo "make demo printed the README's outputs and left nothing running"
