import { calendarDate, type FieldIssue } from '@khu-siao/contracts';

/**
 * Dates are ISO calendar dates (YYYY-MM-DD) with no time and no zone: for such strings the text order is the
 * calendar order, so the rules compare them as strings once they are known to be real dates.
 */
export type CalendarDate = string;

export function isCalendarDate(value: unknown): value is CalendarDate {
  return calendarDate.safeParse(value).success;
}

/** Whole years completed on `on`; someone born on 29 February turns a year older on 1 March in common years. */
export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** An issue for each date, named by its field path, that is not a real calendar date. */
export function calendarDateIssues(dates: Readonly<Record<string, unknown>>): FieldIssue[] {
  return Object.entries(dates)
    .filter(([, value]) => !isCalendarDate(value))
    .map(([field]) => ({ field, message: 'must be a calendar date (YYYY-MM-DD)' }));
}

/** An issue when a valid `date` lies after a valid `today`: what is recorded has happened. */
export function futureDateIssues(field: string, date: CalendarDate, today: CalendarDate): FieldIssue[] {
  return isCalendarDate(date) && isCalendarDate(today) && date > today ? [{ field, message: 'must not be after today' }] : [];
}
