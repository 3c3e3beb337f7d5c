import { isValidThaiNationalId, thaiNationalIdCheckDigit } from './national-id';

describe('a Thai national ID', () => {
  it('has the check digit (11 − Σ dᵢ × (13 − i) mod 11) mod 10', () => {
    // 1 1 0 1 7 0 0 2 3 0 7 0 weighted 13…2: 13+12+0+10+63+0+0+12+15+0+21+0 = 146; 146 mod 11 = 3; (11 − 3) mod 10 = 8
    expect(thaiNationalIdCheckDigit('110170023070')).toBe(8);
    expect(isValidThaiNationalId('1101700230708')).toBe(true);
  });

  it.each([
    ['3400100123458', 'an ordinary check digit'],
    ['1409900000018', 'an ordinary check digit'],
    ['3400100123491', 'a weighted sum ≡ 0 (mod 11): 11 wraps to 1'],
    ['3400100123440', 'a weighted sum ≡ 1 (mod 11): 10 wraps to 0'],
  ])('accepts %s (%s)', (id) => {
    expect(isValidThaiNationalId(id)).toBe(true);
  });

  it.each([
    ['1101700230707', 'a wrong check digit'],
    ['3400100123441', 'a wrong check digit where the right one wraps to 0'],
    ['110170023070', '12 digits'],
    ['11017002307080', '14 digits'],
    ['', 'nothing'],
    ['1-1017-00230-70-8', 'dashes, as printed on the card'],
    ['110170023070a', 'a letter'],
    ['１１０１７００２３０７０８', 'full-width digits'],
    [' 1101700230708', 'a leading space'],
  ])('refuses %p (%s)', (id) => {
    expect(isValidThaiNationalId(id)).toBe(false);
  });

  it('needs exactly 12 digits to compute a check digit', () => {
    expect(() => thaiNationalIdCheckDigit('12345')).toThrow(RangeError);
  });
});
