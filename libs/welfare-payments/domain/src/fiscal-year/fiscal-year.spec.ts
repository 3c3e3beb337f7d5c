import { fiscalYearAt, fiscalYearName, fiscalYearOf, fiscalYearRange, isFiscalYear } from './fiscal-year';
import { instantIssues, thaiDateOf, thaiLongDate } from './thai-time';

describe('the Thai fiscal year', () => {
  it('ends on 30 September and is named by the Buddhist-era year it ends in', () => {
    expect(fiscalYearOf('2022-09-30')).toBe(2565);
    expect(fiscalYearOf('2022-10-01')).toBe(2566);
  });

  it('starts on 1 October of the year before', () => {
    expect(fiscalYearOf('2021-10-01')).toBe(2565);
    expect(fiscalYearOf('2021-09-30')).toBe(2564);
  });

  it('holds the whole of January to September of its Christian-era year', () => {
    expect(fiscalYearOf('2022-01-01')).toBe(2565);
    expect(fiscalYearOf('2022-01-27')).toBe(2565);
    expect(fiscalYearOf('2021-12-31')).toBe(2565);
  });

  it('spans 1 October to 30 September', () => {
    expect(fiscalYearRange(2565)).toEqual({ from: '2021-10-01', to: '2022-09-30' });
    expect(fiscalYearRange(2563)).toEqual({ from: '2019-10-01', to: '2020-09-30' });
  });

  it('agrees with its own range at both ends', () => {
    for (const year of [2563, 2564, 2565, 2566, 2567]) {
      const { from, to } = fiscalYearRange(year);
      expect([fiscalYearOf(from), fiscalYearOf(to)]).toEqual([year, year]);
    }
  });

  it('takes the date in Thailand for an instant (UTC+7)', () => {
    expect(fiscalYearAt('2022-09-30T16:59:59Z')).toBe(2565);
    expect(fiscalYearAt('2022-09-30T17:00:00Z')).toBe(2566);
    expect(fiscalYearAt('2022-10-01T06:00:00+07:00')).toBe(2566);
    expect(thaiDateOf('2022-01-26T20:00:00Z')).toBe('2022-01-27');
  });

  it('is named FY and the Buddhist-era year', () => {
    expect(fiscalYearName(2565)).toBe('FY2565');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => fiscalYearOf('2022-02-30')).toThrow(RangeError);
  });

  it('knows a plausible Buddhist-era year from a Christian-era one', () => {
    expect(isFiscalYear(2565)).toBe(true);
    expect(isFiscalYear(2022)).toBe(false);
    expect(isFiscalYear(2565.5)).toBe(false);
  });
});

describe('Thai time', () => {
  it('shows dates in the Buddhist era', () => {
    expect(thaiLongDate('2022-01-27')).toBe('27 มกราคม 2565');
  });

  it('names each field that is not an instant with an offset', () => {
    expect(instantIssues({ paidAt: '2022-01-27T09:00:00+07:00', failedAt: '2022-01-27', at: 'noon' }).map((issue) => issue.field)).toEqual([
      'failedAt',
      'at',
    ]);
  });
});
