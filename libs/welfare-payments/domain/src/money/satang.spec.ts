import { amountIssues, bahtText, maxGrantAmount, satangText } from './satang';

describe('amounts of satang', () => {
  it.each([
    [300_000, []],
    [1, []],
    [maxGrantAmount, []],
    [0, ['must be more than 0']],
    [-300_000, ['must be more than 0']],
    [3000.5, ['must be whole satang']],
    [maxGrantAmount + 1, ['must not exceed 1,000,000,000 satang (10,000,000.00 baht)']],
    [Number.NaN, ['must be a number of satang']],
    [Number.POSITIVE_INFINITY, ['must be a number of satang']],
    ['300000', ['must be a number of satang']],
  ])('%p gives %p', (value, messages) => {
    expect(amountIssues('amount', value, maxGrantAmount)).toEqual(messages.map((message) => ({ field: 'amount', message })));
  });

  it('reads in messages with thousands separators', () => {
    expect(satangText(15_000_000)).toBe('15,000,000');
    expect(bahtText(108_000_000)).toBe('1,080,000.00');
    expect(bahtText(123_450)).toBe('1,234.50');
    expect(bahtText(25)).toBe('0.25');
    expect(bahtText(-5)).toBe('-0.05');
  });
});
