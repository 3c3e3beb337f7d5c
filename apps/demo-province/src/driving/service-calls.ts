import type { AuthHeaders } from '@khu-siao/security';

/** One answer of a service: its status, its JSON body (or null) and its ETag. */
export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown> | null;
  readonly etag: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A failure the services answered with, kept with the call that caused it. */
export class CallFailed extends Error {
  override readonly name = 'CallFailed';
  constructor(
    readonly call: string,
    readonly reply: Reply,
  ) {
    const errors = Array.isArray(reply.body?.['errors']) ? (reply.body['errors'] as { field?: string; message?: string }[]) : [];
    const fields = errors.map((error) => `${error.field} ${error.message}`).join('; ');
    super(`${call} → ${reply.status}${typeof reply.body?.['detail'] === 'string' ? `: ${reply.body['detail']}` : ''}${fields ? ` (${fields})` : ''}`);
  }
}

/** The sign-in of the person a call is made as (see `Callers`). */
export type As = Promise<AuthHeaders>;

/**
 * JSON over HTTP to one service, each call made as someone (`as`). Network errors and 502/503/504 are retried with
 * backoff (a service restarting); every other answer is returned as it is, for the step to judge.
 */
export class ServiceCalls {
  constructor(readonly baseUrl: string) {}

  async call(as: As, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const signedIn = await as;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...signedIn, ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        const reply = { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, etag: response.headers.get('etag') };
        if (![502, 503, 504].includes(reply.status) || attempt >= 5) return reply;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
      await sleep(200 * 2 ** attempt);
    }
  }

  /**
   * Retries while the service answers 404 for something another service told it about and it has not yet heard
   * (households reach pairings and welfare-payments through Kafka), up to `patienceMs`.
   */
  async callOnceKnown(as: As, method: string, path: string, body: unknown, headers: Record<string, string> = {}, patienceMs = 120_000): Promise<Reply> {
    const deadline = Date.now() + patienceMs;
    for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
      const reply = await this.call(as, method, path, body, headers);
      if (reply.status !== 404 || Date.now() > deadline) return reply;
      await sleep(wait);
    }
  }
}

/** Runs `work` on every item, at most `width` at a time; the results keep the items' order. */
export async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}
