#!/usr/bin/env bash
# The one test command: installs everything, provisions the servers, checks the architecture and types, runs
# every test against real servers, and ends with the plain "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI="${CI:-true}"

step() { printf '\n=== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

step "install npm packages"
# npm ci refuses the lockfile npm itself writes here (optional platform packages missing from it); npm install keeps the locked versions.
npm install --no-audit --no-fund --loglevel=error

step "browser for the dashboard's browser test (Debian chromium and a Thai font, installed once)"
# playwright-core drives the machine's Chromium (it downloads no browser); the font draws the page's Thai text.
if ! command -v chromium > /dev/null || ! dpkg -s fonts-thai-tlwg > /dev/null 2>&1; then
  as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-thai-tlwg > /dev/null 2>&1 \
    || { "${as_root[@]}" apt-get update -qq > /dev/null && "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-thai-tlwg > /dev/null; }
fi
chromium --version

step "provision the local servers (reused when cached)"
npx tsx infra/cli.ts provision

step "lint (module boundaries) and type-check every project"
# One eslint and one tsc over the whole workspace: a process per project would parse the shared libraries again each
# time. The module-boundary rule reads the Nx project graph, which `nx show projects` computes first.
npx nx show projects > /dev/null
npx eslint apps libs infra bench scripts
npx tsc -p tsconfig.typecheck.json
npx tsc -p apps/dashboard/tsconfig.page.json --noEmit

step "tests against the real servers"
mkdir -p artifacts
status=0
npx jest -c jest.config.cjs --ci --maxWorkers=2 --json --outputFile=artifacts/jest-results.json || status=$?
node -e '
  const fs = require("fs");
  if (!fs.existsSync("./artifacts/jest-results.json")) { console.error("\njest ended without its results (see the error above)"); process.exit(1); }
  const r = require("./artifacts/jest-results.json");
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
  if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
' || status=1
exit "$status"
