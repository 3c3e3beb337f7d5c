import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What ties one request or message to everything it causes: carried into log lines and event metadata. */
export interface CorrelationContext {
  readonly correlationId: string;
  /** The event or request that caused the current work, when there is one. */
  readonly causationId?: string | null;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export function withCorrelation<T>(context: CorrelationContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentCorrelation(): CorrelationContext | undefined {
  return storage.getStore();
}

/** Accepts a caller's correlation id when it is a sane token, otherwise starts a new one. */
export function correlationIdFrom(candidate: unknown): string {
  return typeof candidate === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(candidate) ? candidate : randomUUID();
}
