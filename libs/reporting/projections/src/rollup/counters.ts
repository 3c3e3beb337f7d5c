/** Named figures of one roll-up document: counts of households and people, sums of satang. */
export type Counters = Record<string, number>;

/**
 * What one read-model entity adds to the roll-ups: for each roll-up document (by id), its share of each figure.
 * Every roll-up figure is the sum of the contributions of the entities that exist, which is what makes a live
 * update (subtract the old share, add the new) and a rebuild (add every share once) land on the same numbers.
 */
export type Contribution = Map<string, Counters>;

export function add(into: Contribution, documentId: string, figure: string, amount = 1): void {
  if (amount === 0) return;
  let counters = into.get(documentId);
  if (!counters) {
    counters = {};
    into.set(documentId, counters);
  }
  counters[figure] = (counters[figure] ?? 0) + amount;
}

/** Adds `amount` to `figure` in every document of `documentIds`. */
export function addToEach(into: Contribution, documentIds: readonly string[], figure: string, amount = 1): void {
  for (const documentId of documentIds) add(into, documentId, figure, amount);
}

/** after − before, keeping only the figures that changed. */
export function difference(before: Contribution, after: Contribution): Contribution {
  const delta: Contribution = new Map();
  for (const [documentId, counters] of after) {
    for (const [figure, amount] of Object.entries(counters)) add(delta, documentId, figure, amount);
  }
  for (const [documentId, counters] of before) {
    for (const [figure, amount] of Object.entries(counters)) add(delta, documentId, figure, -amount);
  }
  for (const [documentId, counters] of delta) {
    for (const [figure, amount] of Object.entries(counters)) if (amount === 0) delete counters[figure];
    if (Object.keys(counters).length === 0) delta.delete(documentId);
  }
  return delta;
}

/** Applies a delta to counters, dropping figures that fall to zero, so equal sums always give equal documents. */
export function applyDelta(counters: Counters, delta: Counters): Counters {
  const next = { ...counters };
  for (const [figure, amount] of Object.entries(delta)) {
    const value = (next[figure] ?? 0) + amount;
    if (value === 0) delete next[figure];
    else next[figure] = value;
  }
  return next;
}

/**
 * A figure's name from its parts, e.g. `failing:health`, `granted:family-grant`. Parts that come from ids are
 * escaped so that a name never holds a dot or a leading dollar (field names MongoDB refuses) nor a colon of its own.
 */
export function figure(...parts: readonly string[]): string {
  return parts.map((part) => part.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/:/g, '%3A').replace(/^\$/, '%24')).join(':');
}
