import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { CommandTotal } from './command-times';
import { REPO_ROOT } from './infra';
import type { Measurement } from './stats';

type Verdict = 'PASS' | 'BELOW';

export const verdict = (ratio: number, target: number): Verdict => (ratio >= target ? 'PASS' : 'BELOW');

const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-');
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '-');
export const ratioText = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '-');

/** A fixed-width table on stdout; the first row is the header. */
export function printTable(title: string, rows: readonly (readonly string[])[]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  process.stdout.write(`\n${title}\n${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows.slice(1)) process.stdout.write(`${line(row)}\n`);
}

export const measurementHeader = ['phase', 'count', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'ratio'];

/** One table row; `ratio` is against the baseline of the same run, when the phase has one. */
export function measurementRow(phase: string, measurement: Measurement, ratio?: number): string[] {
  const { latencyMs } = measurement;
  return [
    phase,
    whole(measurement.count),
    whole(measurement.perSecond),
    ms(latencyMs.p50),
    ms(latencyMs.p95),
    ms(latencyMs.p99),
    ms(latencyMs.max),
    ratio === undefined ? '' : ratioText(ratio),
  ];
}

/**
 * The database commands of a phase: how often, how long in total and per call. For a phase whose calls ran one at
 * a time, also each command's share of the phase's time, and what is left for client-side work (validation, BSON).
 */
export function printCommandTimes(title: string, totals: readonly CommandTotal[], sequentialMs?: number): void {
  const share = (partMs: number) => (sequentialMs === undefined ? '' : `${((100 * partMs) / sequentialMs).toFixed(0)}%`);
  const rows = totals.map((total) => [
    total.command,
    whole(total.count),
    ms(total.totalMs),
    ms(total.totalMs / total.count),
    share(total.totalMs),
  ]);
  if (sequentialMs !== undefined) {
    const rest = Math.max(0, sequentialMs - totals.reduce((sum, total) => sum + total.totalMs, 0));
    rows.push(['(rest: client-side work)', '', ms(rest), '', share(rest)]);
  }
  printTable(title, [['command', 'calls', 'total ms', 'ms/call', sequentialMs === undefined ? '' : 'of phase'], ...rows]);
}

/** Writes artifacts/bench/<name>.json and answers its path. */
export function writeResult(name: string, result: Record<string, unknown>): string {
  const dir = join(REPO_ROOT, 'artifacts', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** What a reader of the JSON needs to compare runs: these machines are noisy, so note what the run ran on. */
export function machine(): Record<string, unknown> {
  const cores = cpus();
  return { node: process.version, cpus: cores.length, cpuModel: cores[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
}
