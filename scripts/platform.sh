#!/usr/bin/env bash
# The one command that runs the platform: installs, provisions and starts the servers of the platform profile
# (durable data in .infra/data/platform), prints where they are, and stops them cleanly on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

export NX_DAEMON=false NX_NO_CLOUD=true

echo "=== installing npm packages"
# npm ci refuses the lockfile npm itself writes here (optional platform packages missing, see INFRA.md); npm install keeps the locked versions.
npm install --no-audit --no-fund --loglevel=error

echo "=== starting the servers"
npx tsx infra/cli.ts up --profile platform

stop() {
  echo
  echo "=== stopping"
  npx tsx infra/cli.ts down --profile platform
  exit 0
}
trap stop INT TERM

npx tsx infra/cli.ts status --profile platform
echo
echo "The platform's servers run; press Ctrl-C to stop them. Logs: .infra/logs/platform/"
while true; do sleep 3600 & wait $!; done
