/**
 * Runs `load` when asked, never two at once: a request made while a load runs is kept (however many come) and runs
 * once the current one ends, so a burst of change notices costs at most one extra load.
 */
export function refresher(load: () => Promise<void>): { request(): Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;

  async function loop(): Promise<void> {
    do {
      again = false;
      try {
        await load();
      } catch {
        // The view shows its own failure; the next notice tries again.
      }
    } while (again);
    running = undefined;
  }

  return {
    request() {
      if (running) {
        again = true;
        return running;
      }
      running = loop();
      return running;
    },
  };
}
