#!/usr/bin/env bash
# Validate a built site: Nu Html Checker (HTML + CSS), axe-core in headless
# Chromium, internal links, and the layout at 360 and 1280 px (charts and tables
# that fit, chart text of 12 px or more, no sideways scroll). Runs all four, then
# fails if any failed.
#
# usage: bash tests/site/validate.sh [DIR] [--base-path /prefix/] [--base-url URL]
# (DIR defaults to public; the options go to axe.mjs and links.mjs)
# Needs: `npm ci` done in tests/site, java 17+, /usr/bin/chromium.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-public}"
shift || true
if [[ ! -d "$dir" ]]; then
  echo "validate.sh: no such directory: $dir" >&2
  exit 2
fi

declare -A status=()
run() { # run NAME CMD... : never stops the script, records pass/FAIL
  # (stderr joins stdout so that vnu's messages stay under their header)
  local name="$1"; shift
  echo "=== $name: $*"
  local start=$SECONDS
  if "$@" 2>&1; then status[$name]="pass"; else status[$name]="FAIL"; fi
  echo "=== $name: ${status[$name]} ($((SECONDS - start)) s)"
}

# --errors-only: warnings (e.g. "consider adding lang") don't fail the build;
# --also-check-css also checks the site's .css files, which costs nothing extra.
run vnu java -jar "$here/node_modules/vnu-jar/build/dist/vnu.jar" \
  --errors-only --skip-non-html --also-check-css "$dir"
run axe node "$here/axe.mjs" "$dir" "$@"
run links node "$here/links.mjs" "$dir" "$@"
run layout node "$here/layout.mjs" "$dir" "$@"

echo "=== summary for $dir"
passed=0 failed=0
for name in vnu axe links layout; do
  printf '  %-6s %s\n' "$name" "${status[$name]}"
  if [[ "${status[$name]}" == pass ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
# The plain closing line that CI logs are read for.
echo "validators: $passed passed, $failed failed"
((failed == 0))
