import { maskNationalId } from './national-id-masking';

describe('masking a national ID', () => {
  it('keeps only the last 4 digits', () => {
    expect(maskNationalId('1101700230708')).toBe('xxxxxxxxx0708');
  });

  it('masks a value of 4 characters or fewer whole', () => {
    expect(maskNationalId('0708')).toBe('xxxx');
    expect(maskNationalId('')).toBe('');
  });
});
