import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isOurProcess } from './processes';

/** What a later run (or the CLI's status and down) needs to find, check and stop a server we started. */
export interface PidRecord {
  pid: number;
  /** strings that the process's command line must contain for it to be ours */
  markers: string[];
  /** host:port the server listens on */
  address: string;
  logFile: string;
  /** the folder holding the server's data, removed on stop when it was a throwaway test run */
  dataDir: string;
  /** the Node process that started it: a test server is a leftover only once that process is gone */
  ownerPid: number;
  startedAt: string;
}

export function writePidRecord(file: string, record: PidRecord): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
}

export function readPidRecord(file: string): PidRecord | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const record = JSON.parse(text) as Partial<PidRecord>;
    if (typeof record.pid === 'number' && Array.isArray(record.markers)) return record as PidRecord;
  } catch {
    // A torn or foreign file describes no process we can trust.
  }
  return undefined;
}

/** Removes the file unless it already describes another process (a newer start of the same server). */
export function removePidFile(file: string, pid?: number): void {
  if (pid === undefined || readPidRecord(file)?.pid === pid) rmSync(file, { force: true });
}

/** The record when its process is alive and really ours; a stale file is removed. */
export function liveRecord(file: string): PidRecord | undefined {
  const record = readPidRecord(file);
  if (record && isOurProcess(record.pid, record.markers)) return record;
  removePidFile(file);
  return undefined;
}
