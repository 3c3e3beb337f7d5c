import { z } from 'zod';
import { defineEvent } from '../catalogue/event-definition';
import { areaCodeSchema, calendarDate, dimensionSchema, dimensions, satang } from '../shared/value-schemas';
import { erasedInOldVersion, sealedField } from '../shared/personal-fields';

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

/**
 * A member as events carry it (schema version 2): whatever names or identifies the person is sealed under the
 * household's data key (see `sealedField`); what is counted (sex, relation, disability, illness) stays readable and
 * becomes anonymous once the key is destroyed. The de-duplication of national IDs uses a keyed hash kept by the
 * households service, never carried in events.
 */
export const sealedMemberSchema = z
  .object({
    memberId: z.string().min(1),
    nationalId: sealedField,
    title: sealedField.optional(),
    firstName: sealedField,
    lastName: sealedField,
    birthDate: sealedField,
    sex: z.enum(['female', 'male']),
    relation: memberSchema.shape.relation,
    disability: z.boolean(),
    chronicIllness: z.boolean(),
  })
  .strict();

export const sealedAddressSchema = z
  .object({
    area: areaCodeSchema,
    houseNumber: sealedField.optional(),
  })
  .strict();

const personalMemberFields = ['nationalId', 'title', 'firstName', 'lastName', 'birthDate'] as const;
const sealOldMembers = (members: unknown) =>
  (members as Record<string, unknown>[]).map((member) => erasedInOldVersion(member, personalMemberFields));
const sealOldAddress = (address: unknown) => erasedInOldVersion(address as Record<string, unknown>, ['houseNumber']);

export const HouseholdRegistered = defineEvent({
  ...aggregate,
  type: 'HouseholdRegistered',
  schemaVersion: 2,
  schema: z
    .object({
      householdId: z.string().min(1),
      source: z.enum(householdSources),
      address: sealedAddressSchema,
      members: z.array(sealedMemberSchema).min(1),
    })
    .strict(),
  upcasters: { 1: (data) => ({ ...data, address: sealOldAddress(data['address']), members: sealOldMembers(data['members']) }) },
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
      /** Household members counted when income per head was computed. */
      peopleCounted: z.number().int().min(1),
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

/** The full member list after an edit: members added, changed or removed (history stays in the stream). */
export const HouseholdMembersUpdated = defineEvent({
  ...aggregate,
  type: 'HouseholdMembersUpdated',
  schemaVersion: 2,
  schema: z.object({ members: z.array(sealedMemberSchema).min(1), reason: z.string().max(300).optional() }).strict(),
  upcasters: { 1: (data) => ({ ...data, members: sealOldMembers(data['members']) }) },
});

/** A move between areas (or a corrected address): the household's roll-ups follow it. */
export const HouseholdMoved = defineEvent({
  ...aggregate,
  type: 'HouseholdMoved',
  schemaVersion: 2,
  schema: z.object({ from: sealedAddressSchema, to: sealedAddressSchema, movedOn: calendarDate }).strict(),
  upcasters: { 1: (data) => ({ ...data, from: sealOldAddress(data['from']), to: sealOldAddress(data['to']) }) },
});

/**
 * The household's personal data was erased at the person's request (PDPA right to erasure): its data key is
 * destroyed, so every sealed field of every event reads as erased everywhere; the case ends here and its anonymous
 * figures stay. The request's reference points into the data protection officer's own register.
 */
export const HouseholdErased = defineEvent({
  ...aggregate,
  type: 'HouseholdErased',
  schema: z
    .object({
      erasedOn: calendarDate,
      basis: z.enum(['dataSubjectRequest', 'retentionExpired', 'unlawfullyCollected']),
      requestRef: z.string().min(1).max(100).regex(/^[A-Za-z0-9._/-]+$/, 'letters, digits and . _ / - only'),
    })
    .strict(),
});

export const HouseholdClassificationOverridden = defineEvent({
  ...aggregate,
  type: 'HouseholdClassificationOverridden',
  schema: z
    .object({
      assessmentId: z.string().min(1),
      from: classificationSchema,
      to: classificationSchema,
      reason: z.string().min(1).max(500),
      officialId: z.string().min(1),
    })
    .strict(),
});

const responsibleSchema = z
  .object({ kind: z.enum(['agency', 'partner']), name: z.string().min(1).max(200), id: z.string().max(100).optional() })
  .strict();

const planActionSchema = z
  .object({
    actionId: z.string().min(1),
    description: z.string().min(1).max(500),
    responsible: responsibleSchema,
    dueOn: calendarDate,
  })
  .strict();

const planGoalSchema = z
  .object({
    goalId: z.string().min(1),
    dimension: dimensionSchema,
    description: z.string().min(1).max(500),
    actions: z.array(planActionSchema).min(1),
  })
  .strict();

/** The life compass (เข็มทิศชีวิต): goals per dimension and the actions that reach them. A redraw replaces the plan. */
export const LifePlanDrawnUp = defineEvent({
  ...aggregate,
  type: 'LifePlanDrawnUp',
  schema: z
    .object({ planId: z.string().min(1), drawnUpOn: calendarDate, goals: z.array(planGoalSchema).min(1), officialId: z.string().min(1) })
    .strict(),
});

export const LifePlanActionProgressed = defineEvent({
  ...aggregate,
  type: 'LifePlanActionProgressed',
  schema: z
    .object({
      planId: z.string().min(1),
      actionId: z.string().min(1),
      percentDone: z.number().int().min(0).max(100),
      completed: z.boolean(),
      note: z.string().max(500).optional(),
      recordedOn: calendarDate,
    })
    .strict(),
});

export const householdEvents = [
  HouseholdRegistered,
  HouseholdMembersUpdated,
  HouseholdMoved,
  HouseholdAssessed,
  HouseholdClassificationOverridden,
  LifePlanDrawnUp,
  LifePlanActionProgressed,
  HouseholdGraduated,
  HouseholdCaseClosed,
  HouseholdErased,
] as const;
