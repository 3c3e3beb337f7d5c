import { areaLevel, areaName, areaPath, formatBaht, formatDate, formatMonth, formatMonthAxis, formatNumber, formatShare, formatYear, maskedNationalId } from './format';

describe('formatting for Thai and English readers', () => {
  it('writes baht from the satang the API gives', () => {
    expect(formatBaht(108_000_000)).toBe('฿1,080,000.00');
    expect(formatBaht(300_050)).toBe('฿3,000.50');
    expect(formatBaht(0)).toBe('฿0.00');
  });

  it('writes dates in the Buddhist era in Thai and the Gregorian in English, on the same day wherever the browser is', () => {
    expect(formatDate('2022-01-27', 'th')).toBe('27 ม.ค. 2565');
    expect(formatDate('2022-01-27', 'en')).toBe('27 Jan 2022');
    expect(formatDate('2019-09-27', 'th')).toBe('27 ก.ย. 2562');
  });

  it('writes months and years the same way', () => {
    expect(formatMonth('2026-11', 'th')).toBe('พ.ย. 2569');
    expect(formatMonth('2026-11', 'en')).toBe('Nov 2026');
    expect(formatMonthAxis('2026-11', 'th')).toEqual(['พ.ย.', '2569']);
    expect(formatMonthAxis('2026-01', 'en')).toEqual(['Jan', '2026']);
    expect(formatYear(2022, 'th')).toBe('2565');
    expect(formatYear(2022, 'en')).toBe('2022');
  });

  it('leaves a value that is not a date as it is', () => {
    expect(formatDate('unknown', 'th')).toBe('unknown');
    expect(formatMonth('x', 'en')).toBe('x');
  });

  it('groups thousands and writes shares, with a dash for a share of nothing', () => {
    expect(formatNumber(3569, 'th')).toBe('3,569');
    expect(formatNumber(9090, 'en')).toBe('9,090');
    expect(formatShare(360, 3569, 'en')).toBe('10.1%');
    expect(formatShare(1, 0, 'th')).toBe('–');
  });
});

describe('areas', () => {
  it('names the province, its districts and tambons in either language, and villages by their moo', () => {
    expect(areaName('40', 'th')).toBe('ขอนแก่น');
    expect(areaName('40', 'en')).toBe('Khon Kaen');
    expect(areaName('4029', 'th')).toBe('เวียงเก่า');
    expect(areaName('4029', 'en')).toBe('Wiang Kao');
    expect(areaName('400101', 'th')).toBe('ในเมือง');
    expect(areaName('40010103', 'th')).toBe('หมู่ 3');
    expect(areaName('40010112', 'en')).toBe('Moo 12');
    expect(areaName('unplaced', 'en')).toBe('Not placed yet');
  });

  it('falls back to the code of an area it has no name for', () => {
    expect(areaName('4026', 'th')).toBe('4026');
  });

  it('knows the level of a code and the path down to it', () => {
    expect(['40', '4001', '400101', '40010101', 'unplaced'].map(areaLevel)).toEqual(['province', 'district', 'tambon', 'village', 'unplaced']);
    expect(areaPath('40010203')).toEqual(['40', '4001', '400102', '40010203']);
    expect(areaPath('40')).toEqual(['40']);
    expect(areaPath('unplaced')).toEqual(['40', 'unplaced']);
  });
});

describe('masked national IDs', () => {
  it('shows the last 4 digits in the usual grouping and nothing else', () => {
    expect(maskedNationalId('9123')).toBe('x-xxxx-xxxx9-12-3');
  });

  it('shows no more than 4 digits even when given more', () => {
    expect(maskedNationalId('1103700012345')).toBe('x-xxxx-xxxx2-34-5');
  });
});
