/** Runs a benchmark's main; a failure prints its stack and exits 1 (main's own `finally` has stopped the servers). */
export function runBench(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${name} benchmark failed: ${text}\n`);
    process.exit(1);
  });
}
