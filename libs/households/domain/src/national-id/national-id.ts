/**
 * The Thai national ID (เลขประจำตัวประชาชน): 13 digits, the last a check digit over the first 12, weighted 13 down
 * to 2: check = (11 − Σ dᵢ × (13 − i) mod 11) mod 10.
 *
 * Written here rather than taken from npm: `thai-id-validator` 1.1.7 computes the same sum, but it ships only a
 * minified ES module (this workspace is CommonJS, so jest would need to transform node_modules), and its typings
 * declare a named export `isValidThaiID` that the module does not export at run time.
 */
export function isValidThaiNationalId(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  return thaiNationalIdCheckDigit(value.slice(0, 12)) === Number(value[12]);
}

/** The check digit the first 12 digits call for. */
export function thaiNationalIdCheckDigit(first12Digits: string): number {
  if (!/^\d{12}$/.test(first12Digits)) throw new RangeError('a Thai national ID check digit needs exactly 12 digits');
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12Digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}
