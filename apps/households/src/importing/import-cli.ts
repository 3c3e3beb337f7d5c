/**
 * Imports a TPMAP-style CSV through the households service's API, a few hundred households per request, showing
 * progress, and ends with the report (every refused row with its line). The caller's bearer token comes from
 * HOUSEHOLDS_TOKEN (kept out of the command line, which other users of the machine can read). Usage:
 *   HOUSEHOLDS_TOKEN=… npx tsx --tsconfig tsconfig.base.json apps/households/src/importing/import-cli.ts FILE.csv
 *     [--url http://127.0.0.1:3101] [--households-per-request 300] [--requests-in-flight 3] [--report report.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ImportReport } from './household-import';
import { groupByHousehold, type HouseholdRows } from './household-rows';
import { readTpmapCsv, tpmapColumns } from './tpmap-csv';

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function chunkText(groups: readonly HouseholdRows[]): string {
  const header = [...tpmapColumns, 'source_line'].join(',');
  const lines = groups.flatMap((group) =>
    group.rows.map((row) => [...tpmapColumns.map((column) => csvField(row.fields[column])), String(row.line)].join(',')),
  );
  return `${header}\n${lines.join('\n')}\n`;
}

function progressLine(done: number, total: number, report: ImportReport): string {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const { registered, alreadyRegistered, refused } = report.households;
  return (
    `importing ${done.toLocaleString('en')}/${total.toLocaleString('en')} rows [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` +
    `${Math.floor((done / Math.max(total, 1)) * 100)}%  registered ${registered}  already ${alreadyRegistered}  refused ${refused}`
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: process.env['HOUSEHOLDS_URL'] ?? 'http://127.0.0.1:3101' },
      'households-per-request': { type: 'string', default: '300' },
      'requests-in-flight': { type: 'string', default: '3' },
      report: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: HOUSEHOLDS_TOKEN=… import-cli FILE.csv [--url URL] [--households-per-request N] [--report FILE]');
  const token = process.env['HOUSEHOLDS_TOKEN'];
  if (!token) throw new Error('HOUSEHOLDS_TOKEN must hold the bearer token of a district officer or provincial administrator');
  const rows = readTpmapCsv(readFileSync(file, 'utf8'));
  const groups = groupByHousehold(rows);
  const perRequest = Math.max(1, Number(values['households-per-request']));
  const total: ImportReport = { rows: 0, households: { registered: 0, alreadyRegistered: 0, refused: 0 }, refusedRows: [] };
  const interactive = process.stderr.isTTY;
  const starts = Array.from({ length: Math.ceil(groups.length / perRequest) }, (_, index) => index * perRequest);
  // A few requests in flight: the service decides and seals one while it writes another, instead of waiting on each
  // round trip in turn. Chunks hold whole households, so they are independent of each other.
  const lane = async () => {
    for (let start = starts.shift(); start !== undefined; start = starts.shift()) {
      const response = await fetch(`${values.url}/household-imports`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
        body: chunkText(groups.slice(start, start + perRequest)),
      });
      if (response.status !== 200) throw new Error(`the service answered ${response.status}: ${await response.text()}`);
      const part = (await response.json()) as ImportReport;
      total.rows += part.rows;
      total.households.registered += part.households.registered;
      total.households.alreadyRegistered += part.households.alreadyRegistered;
      total.households.refused += part.households.refused;
      total.refusedRows.push(...part.refusedRows);
      process.stderr.write(interactive ? `\r${progressLine(total.rows, rows.length, total)}` : `${progressLine(total.rows, rows.length, total)}\n`);
    }
  };
  const inFlight = Math.max(1, Number(values['requests-in-flight']));
  await Promise.all(Array.from({ length: inFlight }, () => lane()));
  if (interactive) process.stderr.write('\n');
  total.refusedRows.sort((a, b) => a.line - b.line);
  if (values.report) writeFileSync(values.report, JSON.stringify(total, null, 2));
  for (const issue of total.refusedRows.slice(0, 20)) {
    process.stdout.write(`line ${issue.line}: ${issue.field ? `${issue.field} ` : ''}${issue.reason}\n`);
  }
  if (total.refusedRows.length > 20) process.stdout.write(`… and ${total.refusedRows.length - 20} more refused rows\n`);
  process.stdout.write(`${JSON.stringify({ rows: total.rows, households: total.households, refusedRows: total.refusedRows.length })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`\nimport failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
