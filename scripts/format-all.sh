#!/usr/bin/env bash
# Formats the whole workspace with Biome and applies its safe lint fixes (biome.jsonc holds
# the settings), then lists what still needs a hand: `pnpm lint:biome` must pass before a
# merge. Run it once after Biome comes in, and whenever a branch arrives unformatted.
# Unsafe fixes are never applied: they can change behaviour, so a person decides.
set -euo pipefail
cd "$(dirname "$0")/.."
biome=node_modules/.bin/biome
[ -x "$biome" ] || { echo "format-all: $biome is missing; run \`node scripts/bootstrap.mjs\` first." >&2; exit 2; }

# Twice: a few nested call chains settle only on the second pass.
"$biome" check --write . >/dev/null 2>&1 || true
"$biome" check --write . >/dev/null 2>&1 || true

git diff --shortstat
if "$biome" ci . --max-diagnostics=none; then
  echo "format-all: formatted; Biome reports nothing left to fix by hand."
else
  echo "format-all: formatted; the findings above need a hand (or a reason to switch the rule off in biome.jsonc)." >&2
  exit 1
fi
