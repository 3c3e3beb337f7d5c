import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * True while the process exists and is not a zombie waiting to be reaped. A killed JVM's main thread turns zombie
 * while its other threads still hold its sockets for a few milliseconds, so only a zombie with no thread left is dead.
 */
export function isAlive(pid: number): boolean {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return signalZero(pid);
  }
  const state = /^State:\s+(\S)/m.exec(status)?.[1];
  const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? '1');
  return (state !== 'Z' && state !== 'X') || threads > 1;
}

function signalZero(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a live process, its arguments joined by spaces; undefined when it is gone. */
export function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

export function commandLinesOfAllProcesses(): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => commandLineOf(Number(pid)) ?? []);
}

/** A pid can be reused by an unrelated process: only a command line carrying all our markers is ours. */
export function isOurProcess(pid: number, markers: string[]): boolean {
  const commandLine = commandLineOf(pid);
  return commandLine !== undefined && isAlive(pid) && markers.every((marker) => commandLine.includes(marker));
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/** SIGTERM, up to graceMs for a clean shutdown, then SIGKILL; resolves once the process is gone. */
export async function terminate(pid: number, graceMs = 10_000): Promise<'stopped' | 'killed' | 'gone'> {
  if (!isAlive(pid)) return 'gone';
  sendSignal(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return 'stopped';
  sendSignal(pid, 'SIGKILL');
  if (await waitForExit(pid, 5_000)) return 'killed';
  throw new Error(`process ${pid} survived SIGKILL for 5 s`);
}

export function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
