import { LRUCache } from 'lru-cache';

/** Failed sign-ins from one place: how many, and when the last one was. */
interface Failures {
  readonly count: number;
  readonly last: number;
}

export interface ThrottlePolicy {
  /** Wrong passwords for one user name from one address before that address has to wait. */
  readonly freePerAccount: number;
  /** Wrong passwords from one address, whatever the user names, before it has to wait. */
  readonly freePerAddress: number;
  /** The first wait; each further failure doubles it. */
  readonly firstWaitMs: number;
  readonly longestWaitMs: number;
  /** Failures older than this (since the last one) are forgotten. */
  readonly forgetAfterMs: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  freePerAccount: 5,
  freePerAddress: 20,
  firstWaitMs: 1_000,
  longestWaitMs: 15 * 60_000,
  forgetAfterMs: 15 * 60_000,
};

/**
 * Slows down whoever guesses passwords, not the account they guess: failures are counted by the address they come
 * from (and by user name at that address), so a stranger who knows a person's user name delays only their own tries,
 * and the person signs in from their own address as usual. Past the free failures, every further failure doubles the
 * wait before the next try from there (1 s, 2 s, 4 s, … at most 15 minutes); a try before the wait is over is refused
 * without looking at the password. A guesser spread over many addresses gets a few tries per address and account;
 * the platform's passwords are long and random, so that is not enough to find one.
 *
 * Pure: the time is passed in. The memory is bounded (the least recently failed places are forgotten first), so a
 * flood of made-up addresses or user names cannot fill it.
 */
export class SignInThrottle {
  private readonly byAddress = new LRUCache<string, Failures>({ max: 50_000 });
  private readonly byAccount = new LRUCache<string, Failures>({ max: 50_000 });

  constructor(private readonly policy: ThrottlePolicy = defaultThrottlePolicy) {}

  /** Milliseconds to wait before the next try of `username` from `address`; 0 when it may try now. */
  waitMs(address: string, username: string, now: number): number {
    return Math.max(
      this.waitOf(this.byAddress.get(address), this.policy.freePerAddress, now),
      this.waitOf(this.byAccount.get(accountKey(address, username)), this.policy.freePerAccount, now),
    );
  }

  failed(address: string, username: string, now: number): void {
    this.count(this.byAddress, address, now);
    this.count(this.byAccount, accountKey(address, username), now);
  }

  /** The right password: that address's failures for the account are forgotten (not those for other accounts). */
  succeeded(address: string, username: string): void {
    this.byAccount.delete(accountKey(address, username));
  }

  private count(failures: LRUCache<string, Failures>, key: string, now: number): void {
    const known = this.current(failures.get(key), now);
    failures.set(key, { count: (known?.count ?? 0) + 1, last: now });
  }

  private current(failures: Failures | undefined, now: number): Failures | undefined {
    return failures && now - failures.last <= this.policy.forgetAfterMs ? failures : undefined;
  }

  private waitOf(failures: Failures | undefined, free: number, now: number): number {
    const known = this.current(failures, now);
    if (!known || known.count < free) return 0;
    const wait = Math.min(this.policy.firstWaitMs * 2 ** (known.count - free), this.policy.longestWaitMs);
    return Math.max(0, known.last + wait - now);
  }
}

const accountKey = (address: string, username: string) => `${address}\u0000${username}`;
