/** The token under which the code of the province this service serves is provided (null when not set). */
export const PROVINCE_CODE = Symbol('PROVINCE_CODE');

/** Khon Kaen, the province the programme runs in, as the welfare office's centre register also assumes. */
const programmeProvince = '40';

/**
 * Reads `PAIRINGS_PROVINCE_CODE` (2 digits; Khon Kaen's 40 unless set): the province whose MOU the development
 * partners signed. Partners carry no area of their own, so they lie province-wide.
 */
export function readProvinceCode(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env['PAIRINGS_PROVINCE_CODE']?.trim();
  if (raw === undefined || raw === '') return programmeProvince;
  if (!/^\d{2}$/.test(raw)) throw new Error(`PAIRINGS_PROVINCE_CODE must be a 2-digit province code, got "${raw}"`);
  return raw;
}
