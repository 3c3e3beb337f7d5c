import { areaNames } from './area-names.js';
import { t, type Lang } from './i18n.js';

/** The locale of each language: Thai dates in the Buddhist era (2565 = 2022). */
const locales: Readonly<Record<Lang, string>> = { th: 'th-TH-u-ca-buddhist', en: 'en-GB' };

const numberFormats = { th: new Intl.NumberFormat('th-TH'), en: new Intl.NumberFormat('en-GB') };
const bahtFormat = new Intl.NumberFormat('th-TH', { style: 'currency', currency: 'THB' });

export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

/** An amount the API gives in satang, shown in baht (฿1,080,000.00). */
export function formatBaht(satang: number): string {
  return bahtFormat.format(satang / 100);
}

/** `part` as a share of `whole` (one decimal), or a dash when there is no whole to share. */
export function formatShare(part: number, whole: number, lang: Lang): string {
  if (whole <= 0) return '–';
  return new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}

/**
 * A calendar date (YYYY-MM-DD) as written in `lang`: 23 พ.ย. 2569 or 23 Nov 2026. The date is a day in Bangkok
 * already, so it is formatted in UTC to keep it the same day wherever the browser is.
 */
export function formatDate(date: string, lang: Lang): string {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day);
}

/** An instant shown as the time in Bangkok: 23 พ.ย. 2569 14:05 or 23 Nov 2026, 14:05. */
export function formatInstant(instant: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Bangkok' }).format(instant);
}

/** A month (YYYY-MM) as written in `lang`: พ.ย. 2569 or Nov 2026. */
export function formatMonth(month: string, lang: Lang): string {
  const first = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(first.getTime())) return month;
  return new Intl.DateTimeFormat(locales[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(first);
}

/** A month (YYYY-MM) as two short lines for a chart's axis: [พ.ย., 2569] or [Nov, 2026]. */
export function formatMonthAxis(month: string, lang: Lang): [month: string, year: string] {
  const first = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(first.getTime())) return [month, ''];
  return [new Intl.DateTimeFormat(locales[lang], { month: 'short', timeZone: 'UTC' }).format(first), formatYear(first.getUTCFullYear(), lang)];
}

/** A Gregorian year as written in `lang`: 2569 in Thai, 2026 in English. */
export function formatYear(year: number, lang: Lang): string {
  return String(lang === 'th' ? year + 543 : year);
}

export type AreaLevel = 'province' | 'district' | 'tambon' | 'village' | 'unplaced';

export function areaLevel(code: string): AreaLevel {
  // 'unplaced' has 8 letters: only digits make a code.
  if (!/^\d+$/.test(code)) return 'unplaced';
  return ({ 2: 'province', 4: 'district', 6: 'tambon', 8: 'village' } as const)[code.length] ?? 'unplaced';
}

/** An area's name: official names for the province, districts and tambons, the moo for a village. */
export function areaName(code: string, lang: Lang): string {
  if (code === 'unplaced') return t(lang, 'unplaced');
  if (areaLevel(code) === 'village') return t(lang, 'moo', { n: Number(code.slice(6)) });
  const names = areaNames[code];
  return names ? names[lang === 'th' ? 0 : 1] : code;
}

/** The codes from the province down to `code`: 40010203 → 40, 4001, 400102, 40010203. */
export function areaPath(code: string): string[] {
  if (code === 'unplaced') return ['40', code];
  return [2, 4, 6, 8].filter((length) => length <= code.length).map((length) => code.slice(0, length));
}

/** The last 4 digits of a national ID in the ID's usual grouping, the rest hidden: 9123 → x-xxxx-xxxx9-12-3. */
export function maskedNationalId(last4: string): string {
  const [a, b, c, d] = last4.replace(/\D/g, '').slice(-4).padStart(4, 'x');
  return `x-xxxx-xxxx${a}-${b}${c}-${d}`;
}
