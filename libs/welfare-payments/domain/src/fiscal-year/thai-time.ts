import { calendarDate, type FieldIssue } from '@khu-siao/contracts';
import { z } from 'zod';

/** An ISO calendar date (YYYY-MM-DD): text order is calendar order. */
export type CalendarDate = string;
/** An ISO 8601 instant with its offset, as commands carry time in: the domain has no clock. */
export type Instant = string;

const instantSchema = z.iso.datetime({ offset: true });
const bangkokOffsetMs = 7 * 60 * 60 * 1000;

export function isInstant(value: unknown): value is Instant {
  return instantSchema.safeParse(value).success;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return calendarDate.safeParse(value).success;
}

/** An issue for each value, named by its field, that is not an instant with an offset. */
export function instantIssues(instants: Readonly<Record<string, unknown>>): FieldIssue[] {
  return Object.entries(instants)
    .filter(([, value]) => !isInstant(value))
    .map(([field]) => ({ field, message: 'must be an ISO 8601 date-time with an offset (2022-01-27T09:00:00+07:00)' }));
}

/** The date in Thailand at an instant. Thailand keeps UTC+7 all year (no daylight saving), so no zone data is needed. */
export function thaiDateOf(instant: Instant): CalendarDate {
  return new Date(Date.parse(instant) + bangkokOffsetMs).toISOString().slice(0, 10);
}

/** Thai users read dates in the Buddhist era: 2022-01-27 → "27 มกราคม 2565". */
export function thaiLongDate(date: CalendarDate): string {
  return new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
