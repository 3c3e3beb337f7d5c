import { khonKaenTambons } from '@khu-siao/thai-areas';

/**
 * Villages (หมู่บ้าน) are a tambon's code and a 2-digit moo. Neither source dataset lists villages, so each tambon
 * gets moo 01..N with N from 6 to 22 derived from its code alone (the same on every run, whatever the seed); the
 * households register accepts moo up to 30.
 */
export function mooCountOf(tambonCode: string): number {
  let hash = 17;
  for (const digit of tambonCode) hash = (hash * 31 + Number(digit)) % 9_973;
  return 6 + (hash % 17);
}

export function villageCodesOf(tambonCode: string): string[] {
  return Array.from({ length: mooCountOf(tambonCode) }, (_, index) => `${tambonCode}${String(index + 1).padStart(2, '0')}`);
}

export const khonKaenVillageCount = khonKaenTambons.reduce((sum, tambon) => sum + mooCountOf(tambon.code), 0);
