#!/usr/bin/env bash
# The one command that runs the platform: installs, starts the servers of the platform profile (durable data in
# .infra/data/platform) and every service that exists, prints where they answer, and stops it all on Ctrl-C.
# Every service, the demo loader and the dashboard get the platform's sign-in and key secrets (made once, kept in
# .infra/data/platform/secrets.env); the dashboard's sign-in accounts get new passwords at each start.
set -euo pipefail
cd "$(dirname "$0")/.."

export NX_DAEMON=false NX_NO_CLOUD=true

echo "=== installing npm packages"
# npm ci refuses the lockfile npm itself writes here (optional platform packages missing from it); npm install keeps the locked versions.
npm install --no-audit --no-fund --loglevel=error

echo "=== starting the servers"
endpoints=$(npx tsx infra/cli.ts up --profile platform)
echo "$endpoints"
eval "export $(echo "$endpoints" | grep -E '^(KAFKA_BROKERS|MONGO_URL)=' | tr '\n' ' ')"

# The platform's secrets: made on the first start, kept (mode 600) and reused on every later one, so what the services
# stored sealed stays readable. Never printed. A deployment takes them from its secret store and an OIDC provider.
secrets_dir="${KHU_INFRA_DIR:-.infra}/data/platform"
secrets_file="$secrets_dir/secrets.env"
mkdir -p "$secrets_dir"
if [ ! -s "$secrets_file" ]; then
  echo "=== making the platform's secrets ($secrets_file)"
  # The local issuer key as libs/security makes it (base64 PKCS#8 DER, P-256); tsx reads the script from stdin.
  (umask 077 && npx tsx --tsconfig tsconfig.base.json - > "$secrets_file.new" <<'SCRIPT'
const security = await import('@khu-siao/security');
const { generateLocalIssuerKey } = security.default ?? security;
const { randomBytes } = await import('node:crypto');
const random = () => randomBytes(32).toString('base64');
process.stdout.write(`AUTH_AUDIENCE=khu-siao
AUTH_LOCAL_ISSUER_KEY=${generateLocalIssuerKey()}
SECURITY_MASTER_KEY=${random()}
SECURITY_LOOKUP_HASH_KEY=${random()}
SECURITY_DB=khu_siao_security
`);
SCRIPT
  ) && mv "$secrets_file.new" "$secrets_file"
fi
chmod 600 "$secrets_file"
set -a
# shellcheck disable=SC1090
. "$secrets_file"
set +a

# The dashboard's development sign-in: one account per role, placed in the demo province, new passwords each start.
export DASHBOARD_ACCOUNTS_FILE="$secrets_dir/dashboard-accounts.json"
accounts=$(npx tsx --tsconfig tsconfig.base.json apps/demo-province/src/main.ts --seed "${KHU_DEMO_SEED:-khon-kaen-2022}" --write-accounts "$DASHBOARD_ACCOUNTS_FILE")

mkdir -p .infra/logs/platform
pids=()
stop() {
  echo
  echo "=== stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${idle_pid:-}" ]; then kill "$idle_pid" 2>/dev/null || true; fi
  npx tsx infra/cli.ts down --profile platform
  exit 0
}
trap stop INT TERM

# name:port of every service; each runs from source with swc (decorator metadata kept for NestJS). The dashboard
# reads the reporting service's public API only, through its /api pass-through.
services=("households:3101" "welfare-payments:3102" "pairings:3103" "reporting:3104" "dashboard:3100")
export REPORTING_URL=http://127.0.0.1:3104
for entry in "${services[@]}"; do
  name=${entry%%:*}
  port=${entry##*:}
  echo "=== starting $name on port $port"
  HTTP_PORT=$port SWC_NODE_PROJECT=tsconfig.base.json \
    node -r @swc-node/register "apps/$name/src/main.ts" >> ".infra/logs/platform/$name.log" 2>&1 &
  pids+=($!)
done

for entry in "${services[@]}"; do
  name=${entry%%:*}
  port=${entry##*:}
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1; then break; fi
    sleep 1
  done
  if curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1; then
    docs=" API docs: http://127.0.0.1:$port/docs,"; [ "$name" = dashboard ] && docs=""
    echo "$name: http://127.0.0.1:$port ($docs log: .infra/logs/platform/$name.log)" | sed 's/( /(/'
  else
    echo "$name did not become healthy within 60 s; see .infra/logs/platform/$name.log" >&2
    stop
  fi
done

# The demo province (the 2022 kick-off: 3,569 households), through the services' public APIs. The same seed registers
# nothing twice, so a second start adds nothing. KHU_DEMO=off skips it; KHU_DEMO_SEED picks another province.
if [ "${KHU_DEMO:-on}" != "off" ]; then
  echo "=== loading the demo province (seed ${KHU_DEMO_SEED:-khon-kaen-2022}; a few minutes the first time)"
  if ! npx tsx --tsconfig tsconfig.base.json apps/demo-province/src/main.ts --seed "${KHU_DEMO_SEED:-khon-kaen-2022}"; then
    echo "the demo province did not load completely; the platform runs on (see the summary above)" >&2
  fi
fi

echo
echo "The dashboard: http://127.0.0.1:3100 — sign in as one of (user name, password, who):"
echo "$accounts"
echo "The platform runs; press Ctrl-C to stop it. Server logs: .infra/logs/platform/"
idle_pid=
while true; do sleep 3600 & idle_pid=$!; wait $idle_pid; done
