import type { Dice } from './dice';

/** The check digit over the first 12 digits, weighted 13 down to 2: (11 − Σ dᵢ × (13 − i) mod 11) mod 10. */
export function nationalIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/**
 * Hands out distinct, valid national IDs shaped like Khon Kaen births: type 3 for people registered before the
 * 1984 reform, type 1 after; digits 2–5 the province (40) and district office; then a serial.
 */
export class NationalIds {
  private readonly issued = new Set<string>();

  constructor(private readonly dice: Dice) {}

  next(birthDate: string, districtCode: string): string {
    const type = birthDate < '1984-01-01' ? '3' : '1';
    for (;;) {
      const serial = String(this.dice.int(0, 9_999_999)).padStart(7, '0');
      const first12 = `${type}40${districtCode.slice(2)}${serial}`;
      const id = `${first12}${nationalIdCheckDigit(first12)}`;
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }
}
