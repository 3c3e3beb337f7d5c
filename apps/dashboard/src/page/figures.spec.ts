import { figureChoice, figureChoices, shade } from './figures';
import { districtTiles } from './district-tiles';
import { areaNames } from './area-names';
import { kickOffFigures as figures } from './kick-off.fixture';


describe('the figures the map is coloured by', () => {
  it('reads each from the area figures', () => {
    const value = (key: string) => figureChoice(key).value(figures);
    expect(value('targetHouseholds')).toBe(3569);
    expect(value('classification.welfare')).toBe(1000);
    expect(value('failing.income')).toBe(40);
    expect(value('pairedShare')).toBeCloseTo(1000 / 3569);
    expect(value('visitedShare')).toBe(0.25);
    expect(value('granted')).toBe(186_000_000);
    expect(value('paid')).toBe(157_000_000);
  });

  it('has unique keys, and falls back to target households for an unknown one', () => {
    expect(new Set(figureChoices.map((choice) => choice.key)).size).toBe(figureChoices.length);
    expect(figureChoice('nonsense').key).toBe('targetHouseholds');
  });

  it('shades from light to dark with ink that stays readable', () => {
    expect(shade(0, 10)).toEqual({ background: '#e8f1fb', ink: '#10243e' });
    expect(shade(10, 10)).toEqual({ background: '#08306b', ink: '#ffffff' });
    expect(shade(5, 0)).toEqual(shade(0, 10));
    expect(shade(20, 10)).toEqual(shade(10, 10));
  });
});

describe('the district tile map', () => {
  it('places each of the 26 districts once, on a 6 × 6 grid', () => {
    const districts = Object.keys(areaNames).filter((code) => code.length === 4);
    expect(Object.keys(districtTiles).sort()).toEqual(districts.sort());
    expect(districts).toHaveLength(26);
    const cells = Object.values(districtTiles).map(([row, column]) => `${row}:${column}`);
    expect(new Set(cells).size).toBe(26);
    for (const [row, column] of Object.values(districtTiles)) {
      expect(row).toBeGreaterThanOrEqual(1);
      expect(row).toBeLessThanOrEqual(6);
      expect(column).toBeGreaterThanOrEqual(1);
      expect(column).toBeLessThanOrEqual(6);
    }
  });
});
