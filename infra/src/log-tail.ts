import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** The last lines of a log file, for error messages; empty when the file does not exist. */
export function tailOf(file: string, lines = 25): string {
  let fd: number | undefined;
  try {
    const size = statSync(file).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    fd = openSync(file, 'r');
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function describeLog(file: string): string {
  const tail = tailOf(file);
  return tail ? `read ${file}; its last lines:\n${tail}` : `read ${file} (empty or missing)`;
}
