/**
 * Waiting in specs: for what is expected (an event handled, a read model's position, a condition), never for a length
 * of time, so that a slower machine only waits longer. To show that nothing more arrives, send a sentinel after the
 * workload and wait until it is handled: everything before it in its partition or log has been handled then.
 */

/** Between two looks at the condition: short, so that a wait ends soon after what it waits for happens. */
const pollEveryMs = 50;

/**
 * Not a budget: a wait that can never end fails with what it waited for, before jest's safety net (10 minutes,
 * jest.config.cjs) would cut the test off without saying why. Also the default of waits the helper does not run
 * (a browser's locators).
 */
export const safetyDeadlineMs = 5 * 60_000;

type Falsy = false | 0 | '' | null | undefined;

/**
 * Resolves with the condition's first truthy value, looking again every few milliseconds. A condition that throws
 * fails the wait at once (catch in it what may fail before it holds). `what` names what is awaited, in the failure
 * (a function to describe the state at that moment).
 */
export async function until<T>(condition: () => T | Promise<T>, what: string | (() => string)): Promise<Exclude<T, Falsy>> {
  const deadline = Date.now() + safetyDeadlineMs;
  for (;;) {
    const value = await condition();
    if (value) return value as Exclude<T, Falsy>;
    if (Date.now() > deadline) {
      const awaited = typeof what === 'string' ? what : what();
      throw new Error(`still waiting for ${awaited} after ${safetyDeadlineMs / 60_000} minutes (the safety deadline: something never happened)`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
  }
}
