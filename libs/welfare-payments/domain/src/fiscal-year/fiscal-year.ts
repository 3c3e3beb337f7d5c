import { isCalendarDate, thaiDateOf, type CalendarDate, type Instant } from './thai-time';

/**
 * A Thai government fiscal year runs 1 October – 30 September and is named by the Buddhist-era year it ends in:
 * FY2565 ran from 2021-10-01 to 2022-09-30. It is held as that number (2565).
 */
export type FiscalYear = number;

const buddhistEraOffset = 543;

/** The fiscal year a date (in Thailand) falls in. */
export function fiscalYearOf(date: CalendarDate): FiscalYear {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return (month >= 10 ? year + 1 : year) + buddhistEraOffset;
}

/** The fiscal year an instant falls in, by the date in Thailand: 2022-09-30T20:00Z is already 1 October there. */
export function fiscalYearAt(instant: Instant): FiscalYear {
  return fiscalYearOf(thaiDateOf(instant));
}

export function fiscalYearRange(fiscalYear: FiscalYear): { readonly from: CalendarDate; readonly to: CalendarDate } {
  const endYear = fiscalYear - buddhistEraOffset;
  return { from: `${endYear - 1}-10-01`, to: `${endYear}-09-30` };
}

/** "FY2565", as budgets are named in messages and reports. */
export function fiscalYearName(fiscalYear: FiscalYear): string {
  return `FY${fiscalYear}`;
}

/** Buddhist-era years the platform can meet: 2500 (1957) to 2700 (2157), as the contracts allow. */
export function isFiscalYear(value: unknown): value is FiscalYear {
  return typeof value === 'number' && Number.isInteger(value) && value >= 2500 && value <= 2700;
}
