import { z } from 'zod';
import { defineEvent } from '../catalogue/event-definition';
import { areaCodeSchema, calendarDate, dimensionSchema, dimensions, satang } from '../shared/value-schemas';

const aggregate = { context: 'households', aggregateType: 'household' } as const;

export const householdSources = ['tpmap', 'fieldSurvey', 'exclusionErrorReferral', 'vulnerableReferral'] as const;
export const classifications = ['developable', 'welfare', 'vulnerable'] as const;
export const classificationSchema = z.enum(classifications);

export const memberSchema = z
  .object({
    memberId: z.string().min(1),
    nationalId: z.string().regex(/^\d{13}$/, 'must be 13 digits'),
    title: z.string().max(40).optional(),
    firstName: z.string().min(1).max(100),
    lastName: z.string().min(1).max(100),
    birthDate: calendarDate,
    sex: z.enum(['female', 'male']),
    relation: z.enum(['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'relative', 'other']),
    disability: z.boolean(),
    chronicIllness: z.boolean(),
  })
  .strict();

export const addressSchema = z
  .object({
    area: areaCodeSchema,
    houseNumber: z.string().max(40).optional(),
  })
  .strict();

export const HouseholdRegistered = defineEvent({
  ...aggregate,
  type: 'HouseholdRegistered',
  schema: z
    .object({
      householdId: z.string().min(1),
      source: z.enum(householdSources),
      address: addressSchema,
      members: z.array(memberSchema).min(1),
    })
    .strict(),
});

const dimensionResultSchema = z
  .object({
    failed: z.boolean(),
    indicatorsFailed: z.array(z.string().min(1).max(120)),
  })
  .strict();

export const HouseholdAssessed = defineEvent({
  ...aggregate,
  type: 'HouseholdAssessed',
  schema: z
    .object({
      assessmentId: z.string().min(1),
      assessedOn: calendarDate,
      assessorId: z.string().min(1),
      dimensions: z.object(Object.fromEntries(dimensions.map((d) => [d, dimensionResultSchema])) as Record<
        (typeof dimensions)[number],
        typeof dimensionResultSchema
      >).strict(),
      incomePerHeadPerYear: satang,
      failedDimensions: z.array(dimensionSchema),
      classification: classificationSchema,
    })
    .strict(),
});

export const HouseholdGraduated = defineEvent({
  ...aggregate,
  type: 'HouseholdGraduated',
  schema: z.object({ graduatedOn: calendarDate, assessmentId: z.string().min(1) }).strict(),
});

export const HouseholdCaseClosed = defineEvent({
  ...aggregate,
  type: 'HouseholdCaseClosed',
  schema: z
    .object({ closedOn: calendarDate, reason: z.enum(['movedAway', 'died', 'refused', 'other']), note: z.string().max(500).optional() })
    .strict(),
});

export const householdEvents = [HouseholdRegistered, HouseholdAssessed, HouseholdGraduated, HouseholdCaseClosed] as const;
