import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Callers } from './driving/callers';
import { driveProvince, thaiFiscalYear } from './driving/drive-province';
import { progressBar } from './driving/progress';
import { summaryOf } from './driving/summary';
import { planProvince } from './planning/plan-province';
import { signInAccounts } from './planning/sign-in-accounts';

const usage = `Drives a realistic demo Khon Kaen province into the running services, through their public HTTP APIs only.

  npx tsx --tsconfig tsconfig.base.json apps/demo-province/src/main.ts [options]

  --seed TEXT            the scenario's seed: the same seed gives the same province (default khon-kaen-2022)
  --scale FRACTION       a fraction of the 2022 province, more than 0 and at most 1 (default 1:
                         3,569 households, 9,090 people, 360 family grants, 780,000 baht of centre subsidies)
  --households URL       households service (default $DEMO_HOUSEHOLDS_URL or http://127.0.0.1:3101)
  --welfare-payments URL welfare-payments service (default $DEMO_WELFARE_PAYMENTS_URL or http://127.0.0.1:3102)
  --pairings URL         pairings service (default $DEMO_PAIRINGS_URL or http://127.0.0.1:3103)
  --concurrency N        calls in flight at once (default 8)
  --plan-only            print the plan's totals as JSON and call nothing
  --write-accounts FILE  write the development dashboard's sign-in accounts (one per role, placed in this
                         province, each with a new password) to FILE (mode 600), print them and call nothing
  --help                 this text

A progress bar goes to stderr, the summary to stdout. Running the same seed again registers nothing twice.
Calls are signed in with the local issuer's key: AUTH_LOCAL_ISSUER_KEY and AUTH_AUDIENCE (as the services have).
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: 'khon-kaen-2022' },
      scale: { type: 'string', default: '1' },
      households: { type: 'string', default: process.env['DEMO_HOUSEHOLDS_URL'] ?? 'http://127.0.0.1:3101' },
      'welfare-payments': { type: 'string', default: process.env['DEMO_WELFARE_PAYMENTS_URL'] ?? 'http://127.0.0.1:3102' },
      pairings: { type: 'string', default: process.env['DEMO_PAIRINGS_URL'] ?? 'http://127.0.0.1:3103' },
      concurrency: { type: 'string', default: '8' },
      'plan-only': { type: 'boolean', default: false },
      'write-accounts': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const scale = Number(values.scale);
  const concurrency = Number(values.concurrency);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be more than 0 and at most 1, got "${values.scale}"`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency must be a whole number from 1, got "${values.concurrency}"`);
  const plan = planProvince({ seed: values.seed, scale });
  if (values['plan-only']) {
    process.stdout.write(`${JSON.stringify(plan.totals, null, 2)}\n`);
    return 0;
  }
  if (values['write-accounts']) {
    const accounts = signInAccounts(plan, () => randomBytes(12).toString('base64url'));
    writeFileSync(values['write-accounts'], `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
    chmodSync(values['write-accounts'], 0o600);
    for (const account of accounts) process.stdout.write(`  ${account.username.padEnd(28)} ${account.password}   ${account.description}\n`);
    return 0;
  }
  const report = await driveProvince(plan, {
    callers: new Callers(process.env),
    urls: { households: values.households, welfarePayments: values['welfare-payments'], pairings: values.pairings },
    concurrency,
    fiscalYear: thaiFiscalYear(new Date()),
    progress: progressBar,
  });
  process.stdout.write(`${summaryOf(plan, report)}\n`);
  return report.steps.some((step) => step.failed > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`demo-province: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
