import { z } from 'zod';

/** Money is always whole satang (1 baht = 100 satang); the ceiling is far above any real grant or budget. */
export const satang = z.number().int('must be whole satang').min(0).max(100_000_000_000_00);

export const calendarDate = z.iso.date();

/** Official Thai administrative codes: province 2 digits, district 4, tambon 6, village = tambon + 2-digit moo. */
export const areaCodeSchema = z
  .object({
    provinceCode: z.string().regex(/^\d{2}$/, 'must be a 2-digit province code'),
    districtCode: z.string().regex(/^\d{4}$/, 'must be a 4-digit district code'),
    tambonCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit tambon code'),
    villageCode: z.string().regex(/^\d{8}$/, 'must be an 8-digit village code (tambon + moo)'),
  })
  .strict()
  .refine((area) => area.districtCode.startsWith(area.provinceCode), {
    path: ['districtCode'],
    message: 'must lie in the province',
  })
  .refine((area) => area.tambonCode.startsWith(area.districtCode), {
    path: ['tambonCode'],
    message: 'must lie in the district',
  })
  .refine((area) => area.villageCode.startsWith(area.tambonCode), {
    path: ['villageCode'],
    message: 'must lie in the tambon',
  });

export type AreaCode = z.infer<typeof areaCodeSchema>;

/** The five TPMAP dimensions of deprivation. */
export const dimensions = ['health', 'livingConditions', 'education', 'income', 'publicServices'] as const;
export const dimensionSchema = z.enum(dimensions);
export type Dimension = z.infer<typeof dimensionSchema>;

export const processSteps = ['pinpoint', 'lifeCompass', 'manage', 'care'] as const;
export const processStepSchema = z.enum(processSteps);
export type ProcessStep = z.infer<typeof processStepSchema>;
