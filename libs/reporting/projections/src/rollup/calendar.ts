/** The province keeps Bangkok time (UTC+7, no daylight saving): days and months of instants are counted there. */
const bangkokOffsetMs = 7 * 60 * 60 * 1000;

/** The calendar date (YYYY-MM-DD) in Bangkok of an ISO instant. */
export function bangkokDate(instant: string): string {
  return new Date(Date.parse(instant) + bangkokOffsetMs).toISOString().slice(0, 10);
}

/** YYYY-MM of a calendar date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** YYYY of a calendar date. */
export function yearOf(date: string): string {
  return date.slice(0, 4);
}

/** The calendar date `days` before `date`. */
export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
