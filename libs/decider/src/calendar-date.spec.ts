import { ageOn, calendarDateIssues, isCalendarDate } from './calendar-date';

describe('a calendar date', () => {
  it.each(['2024-02-29', '2023-12-31'])('is a real day written YYYY-MM-DD: %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-6-1', '2024-06-01T00:00:00Z', '01/06/2024', '', 20240601])('is not %p', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });

  it('names each field that is not one', () => {
    expect(calendarDateIssues({ today: '2024-06-01', 'members.0.birthDate': '2024-02-30' })).toEqual([
      { field: 'members.0.birthDate', message: 'must be a calendar date (YYYY-MM-DD)' },
    ]);
  });
});

describe('an age', () => {
  it('counts whole years completed', () => {
    expect(ageOn('1980-05-10', '2024-05-09')).toBe(43);
    expect(ageOn('1980-05-10', '2024-05-10')).toBe(44);
    expect(ageOn('1980-05-10', '2024-12-31')).toBe(44);
  });

  it('turns a year older on 1 March in a common year for someone born on 29 February', () => {
    expect(ageOn('2008-02-29', '2023-02-28')).toBe(14);
    expect(ageOn('2008-02-29', '2023-03-01')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });
});
