/**
 * Reads until `ready` holds, for a read model that may still be behind what the spec did (one fed by a topic's
 * consumer). Bounded by the spec runner's own timeout, not by a clock of its own: a slower machine takes longer, it
 * does not fail.
 */
export async function eventually<T>(read: () => Promise<T>, ready: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    // A pause between reads, so that polling does not take the servers' time from the consumer it waits for.
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
