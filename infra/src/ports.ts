import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
}

/**
 * Fails with the variable to change, rather than letting a server start and fail to bind (or worse, letting a health
 * check pass against a stranger on that port).
 */
export async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  // A server stopped a moment ago may take a little while to release its port.
  const deadline = Date.now() + 3_000;
  while (!(await portIsFree(port))) {
    if (Date.now() >= deadline) {
      throw new Error(`${what} port ${port} on 127.0.0.1 is taken by another process; stop it or set ${variable}`);
    }
    await sleep(100);
  }
}
