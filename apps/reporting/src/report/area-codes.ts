import { InvalidCommandError } from '@khu-siao/decider';
import type { ResourceArea } from '@khu-siao/security';

export const codeFields = ['provinceCode', 'districtCode', 'tambonCode', 'villageCode'] as const;
export const codeLengths = [2, 4, 6, 8] as const;

/** An area code of any level (province 2 digits, district 4, tambon 6, village 8), or the figures not placed yet. */
export const areaCodePattern = /^(\d{2}|\d{4}|\d{6}|\d{8}|unplaced)$/;

/** Where an area code of any level lies: its own code and those of the areas above it; the unplaced figures lie nowhere (nation only). */
export function areaOfCode(code: string): ResourceArea {
  return Object.fromEntries(codeFields.flatMap((field, level) => (code.length >= codeLengths[level] ? [[field, code.slice(0, codeLengths[level])]] : [])));
}

export function checkedCode(value: unknown, field: string, pattern: RegExp, message: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw new InvalidCommandError([{ field, message }]);
  return value;
}
