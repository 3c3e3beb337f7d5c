/**
 * Only the last 4 digits stay, enough to tell members apart with the person in front of you; the same shape the
 * households service shows (`xxxxxxxxx0708`). Anything shorter than 5 characters is masked whole.
 */
export function maskNationalId(nationalId: string): string {
  if (nationalId.length <= 4) return 'x'.repeat(nationalId.length);
  return `${'x'.repeat(nationalId.length - 4)}${nationalId.slice(-4)}`;
}
