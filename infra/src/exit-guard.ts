import { rmSync } from 'node:fs';
import { sendSignal } from './processes';

const guardedPids = new Set<number>();
const guardedPaths = new Set<string>();
let installed = false;

/**
 * Last resort for servers that must not outlive this Node process (the test profile): an 'exit' handler can only
 * run synchronous code, so it sends SIGKILL and removes their throwaway data. A signal that kills Node outright
 * skips it; the next start then removes the leftovers through their pid files.
 */
export function killOnExit(pid: number): void {
  guardedPids.add(pid);
  install();
}

export function releaseOnExit(pid: number): void {
  guardedPids.delete(pid);
}

export function removeOnExit(path: string): void {
  guardedPaths.add(path);
  install();
}

export function keepOnExit(path: string): void {
  guardedPaths.delete(path);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const pid of guardedPids) sendSignal(pid, 'SIGKILL');
    for (const path of guardedPaths) {
      try {
        rmSync(path, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // A server killed a moment ago may still hold files; the next start removes the folder.
      }
    }
  });
}
