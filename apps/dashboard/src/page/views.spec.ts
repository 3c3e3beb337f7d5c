import { apiUrl, csvUrl, type AreaAnswer } from './api';
import { areaMap, childrenTable } from './area-map';
import { areaSummary } from './area-summary';
import { caseFilterOf } from './case-list-view';
import { kickOffFigures } from './kick-off.fixture';
import { rankingYears } from './ranking-view';

/** The value a browser test reads: the `data-value` of the element with this `data-figure`, the first one. */
function figureValue(markup: string, figure: string): string | undefined {
  return new RegExp(`data-figure="${figure.replace('.', '\\.')}" data-value="([^"]*)"`).exec(markup)?.[1];
}

describe("an area's figures on the page", () => {
  it('carry their names and raw values for whoever reads the page, money in satang', () => {
    const markup = areaSummary(kickOffFigures, 'th').text;
    expect(figureValue(markup, 'targetHouseholds')).toBe('3569');
    expect(figureValue(markup, 'people')).toBe('9090');
    expect(figureValue(markup, 'classification.welfare')).toBe('1000');
    expect(figureValue(markup, 'failing.income')).toBe('40');
    expect(figureValue(markup, 'visitedLast30Days')).toBe('250');
    expect(markup).toContain('<tr data-programme="family">');
    expect(markup).toContain('data-figure="granted" data-value="108000000" data-unit="satang">฿1,080,000.00</span>');
    expect(markup).toContain('ครัวเรือนเป้าหมาย');
    expect(areaSummary(kickOffFigures, 'en').text).toContain('Target households');
    expect(areaSummary(kickOffFigures, 'th', new Map([['family', 'เงินช่วยเหลือครอบครัว']])).text).toContain('เงินช่วยเหลือครอบครัว');
  });

  it('show the districts as tiles and rows linking one level down', () => {
    const answer: AreaAnswer = {
      code: '40',
      level: 'province',
      day: '2026-11-23',
      figures: kickOffFigures,
      children: [{ code: '4029', level: 'district', figures: kickOffFigures }],
    };
    const map = areaMap(answer, 'failing.health', 'en').text;
    expect(map).toContain('href="#/area/4029"');
    expect(map).toContain('grid-row:3;grid-column:2');
    expect(map).toContain('Wiang Kao');
    expect(map).toContain('<option value="failing.health" selected>');
    const table = childrenTable(answer, 'th').text;
    expect(table).toContain('<tr data-area="4029">');
    expect(table).toContain('เวียงเก่า');
  });
});

describe('the household list of an area', () => {
  it('filters by the level of the area, and lists none for the province or the unplaced', () => {
    expect(caseFilterOf('4001')).toEqual({ districtCode: '4001' });
    expect(caseFilterOf('400101')).toEqual({ tambonCode: '400101' });
    expect(caseFilterOf('40010101')).toEqual({ villageCode: '40010101' });
    expect(caseFilterOf('40')).toBeUndefined();
    expect(caseFilterOf('unplaced')).toBeUndefined();
  });
});

describe('the ranking years', () => {
  it('run from this year back to the launch in 2019', () => {
    expect(rankingYears(2022)).toEqual([2022, 2021, 2020, 2019]);
    expect(rankingYears(2019)).toEqual([2019]);
  });
});

describe('the CSV downloads', () => {
  it('ask the reporting API for the same table as CSV, as of the same moment', () => {
    const answer: AreaAnswer = { code: '4001', level: 'district', asOf: '2026-06-30T16:59:59.999Z', day: '2026-06-30', figures: kickOffFigures, children: [] };
    expect(csvUrl(`/areas/${answer.code}`, { asOf: answer.asOf })).toBe('/api/areas/4001?asOf=2026-06-30T16%3A59%3A59.999Z&format=csv');
    expect(csvUrl('/officials/ranking', { year: 2022, asOf: undefined })).toBe('/api/officials/ranking?year=2022&format=csv');
    expect(apiUrl('/areas/40', { asOf: '' })).toBe('/api/areas/40');
  });
});
