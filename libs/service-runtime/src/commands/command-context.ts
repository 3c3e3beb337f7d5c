import type { Actor } from '@khu-siao/contracts';

/**
 * A client's Idempotency-Key, scoped to the caller (two callers' equal keys are different keys) and held with the
 * fingerprint of the request it came with: the same key with the same request is a retry, answered with the first
 * outcome; the same key with another request is refused (422).
 */
export interface Idempotency {
  readonly key: string;
  readonly fingerprint: string;
}

/** Who issued a command and how it may be retried: what every command carries besides its own fields. */
export interface CommandContext {
  readonly actor: Actor;
  readonly idempotency?: Idempotency;
}
