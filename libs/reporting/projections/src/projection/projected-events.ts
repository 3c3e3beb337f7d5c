import type { PlatformEvent, PlatformEventType } from '@khu-siao/contracts';

/** The events of the given types, as the catalogue reads them: a switch on `type` narrows `data`. */
export type EventOfType<T extends PlatformEventType> = Extract<PlatformEvent, { type: T }>;

/** A guard for a set of event types, so that one check of `event.type` narrows the event to that subset. */
export function eventsOf<const T extends readonly PlatformEventType[]>(types: T): (event: PlatformEvent) => event is EventOfType<T[number]> {
  const known = new Set<string>(types);
  return (event: PlatformEvent): event is EventOfType<T[number]> => known.has(event.type);
}
