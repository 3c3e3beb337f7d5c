import { z } from 'zod';
import { defineEvent } from '../catalogue/event-definition';
import { erasedInOldVersion, sealedField } from '../shared/personal-fields';
import { calendarDate, dimensionSchema, processStepSchema, satang } from '../shared/value-schemas';

/** One stream per household: who its buddy is, pairing after pairing (aggregate id = household id). */
const pairing = { context: 'pairings', aggregateType: 'pairing' } as const;
const visit = { context: 'pairings', aggregateType: 'visit' } as const;
/** One stream per buddy official: the enrolment and the caseload places it holds. */
const official = { context: 'pairings', aggregateType: 'official' } as const;
const team = { context: 'pairings', aggregateType: 'team' } as const;
const partner = { context: 'pairings', aggregateType: 'partner' } as const;

const id = z.string().min(1).max(200);
const districtCode = z.string().regex(/^\d{4}$/, 'must be a 4-digit district code');
const tambonCode = z.string().regex(/^\d{6}$/, 'must be a 6-digit tambon code');

// --- pairing ---------------------------------------------------------------------------------------------------

export const HouseholdPaired = defineEvent({
  ...pairing,
  type: 'HouseholdPaired',
  schema: z
    .object({
      pairingId: z.string().min(1),
      householdId: z.string().min(1),
      officialId: z.string().min(1),
      pairedOn: calendarDate,
      /** Set when this pairing took over from another in a reassignment; optional since the first version lacked it. */
      replacesPairingId: id.optional(),
    })
    .strict(),
});

export const HouseholdUnpaired = defineEvent({
  ...pairing,
  type: 'HouseholdUnpaired',
  schema: z
    .object({
      pairingId: z.string().min(1),
      householdId: z.string().min(1),
      officialId: z.string().min(1),
      unpairedOn: calendarDate,
      reason: z.string().min(1).max(500),
    })
    .strict(),
});

// --- visit -----------------------------------------------------------------------------------------------------

/** Thailand's bounding box, with a margin: a point outside it was not taken on a home visit in the province. */
export const thailandBounds = { latitude: { min: 5.5, max: 20.5 }, longitude: { min: 97.3, max: 105.7 } } as const;

/**
 * Help as events carry it (VisitLogged v3, VisitCorrected v2): what was handed over is sealed under the household's
 * data key; its kind and value stay clear for the reports.
 */
const sealedHelpGivenSchema = z
  .object({ kind: z.enum(['inKind', 'advice', 'service']), description: sealedField, value: satang.optional() })
  .strict();

/**
 * What a visit was: logged once, then replaced as a whole by each correction. What the official found, gave and
 * referred, and where the home is, are the household's personal data (often its health): sealed under its data key
 * (see `sealedField`), they read as erased once the household is erased; kinds, values, dates and ids stay clear.
 */
const visitDetailsShape = {
  officialIds: z.array(z.string().min(1)).min(1),
  visitedOn: calendarDate,
  processStep: processStepSchema,
  dimensionsDiscussed: z.array(dimensionSchema),
  needsFound: z.array(sealedField),
  helpGiven: z.array(sealedHelpGivenSchema),
  referrals: z.array(sealedField),
  nextVisitOn: calendarDate.optional(),
  /** Where the visit took place: the JSON of the GPS point `{latitude, longitude}`, sealed. */
  location: sealedField.optional(),
  /** A reference to a photo in the file store, never the photo itself. */
  photoRef: z.string().min(1).max(500).optional(),
};

/** Versions before the sealed ones carried the personal fields of a visit's details in clear. */
function sealOldDetails(details: Record<string, unknown>): Record<string, unknown> {
  const erasedAll = (list: unknown) => (list as unknown[]).map(() => ({ erased: true }));
  return {
    ...erasedInOldVersion(details, ['location']),
    needsFound: erasedAll(details['needsFound']),
    helpGiven: (details['helpGiven'] as Record<string, unknown>[]).map((help) => erasedInOldVersion(help, ['description'])),
    referrals: erasedAll(details['referrals']),
  };
}

/**
 * Schema version 1 named a single `officialId`; buddies often visit together, so version 2 carries `officialIds`.
 * Version 3 seals the personal fields. Events stored at older versions are lifted on read.
 */
export const VisitLogged = defineEvent({
  ...visit,
  type: 'VisitLogged',
  schemaVersion: 3,
  schema: z.object({ visitId: z.string().min(1), householdId: z.string().min(1), ...visitDetailsShape }).strict(),
  upcasters: {
    1: ({ officialId, ...rest }) => ({ ...rest, officialIds: [officialId] }),
    2: sealOldDetails,
  },
});

/**
 * A logged visit is never edited in place: a correction restates all its details, with who corrected it and why.
 * Version 2 seals the personal fields of the details, as VisitLogged v3 does.
 */
export const VisitCorrected = defineEvent({
  ...visit,
  type: 'VisitCorrected',
  schemaVersion: 2,
  schema: z
    .object({
      visitId: id,
      householdId: id,
      details: z.object(visitDetailsShape).strict(),
      reason: z.string().min(1).max(500),
      correctedBy: id,
      correctedOn: calendarDate,
    })
    .strict(),
  upcasters: { 1: (data) => ({ ...data, details: sealOldDetails(data['details'] as Record<string, unknown>) }) },
});

// --- official --------------------------------------------------------------------------------------------------

export const agencyKinds = [
  'communityDevelopment',
  'agriculture',
  'military',
  'police',
  'health',
  'localGovernment',
  'teacher',
  'other',
] as const;

export const OfficialEnrolled = defineEvent({
  ...official,
  type: 'OfficialEnrolled',
  schema: z
    .object({
      officialId: id,
      title: z.string().min(1).max(40).optional(),
      firstName: z.string().min(1).max(100),
      lastName: z.string().min(1).max(100),
      position: z.string().min(1).max(200),
      agency: z.object({ kind: z.enum(agencyKinds), name: z.string().min(1).max(200) }).strict(),
      homeDistrictCode: districtCode,
      contact: z
        .object({
          phone: z.string().regex(/^0\d{8,9}$/, 'must be a Thai phone number of 9 or 10 digits').optional(),
          email: z.email().max(200).optional(),
        })
        .strict()
        .refine((contact) => contact.phone !== undefined || contact.email !== undefined, { message: 'needs a phone or an email' }),
      enrolledOn: calendarDate,
    })
    .strict(),
});

/** A place in the official's caseload, taken before the household's pairing is recorded (see the pairings domain). */
export const CaseloadPlaceTaken = defineEvent({
  ...official,
  type: 'CaseloadPlaceTaken',
  schema: z
    .object({
      officialId: id,
      pairingId: id,
      householdId: id,
      takenOn: calendarDate,
      /** The province's limit the place was taken under. */
      caseloadLimit: z.number().int().min(1),
    })
    .strict(),
});

export const caseloadReleaseReasons = ['unpaired', 'reassigned', 'pairingNeverRecorded'] as const;

export const CaseloadPlaceReleased = defineEvent({
  ...official,
  type: 'CaseloadPlaceReleased',
  schema: z
    .object({ officialId: id, pairingId: id, householdId: id, releasedOn: calendarDate, reason: z.enum(caseloadReleaseReasons) })
    .strict(),
});

// --- team ------------------------------------------------------------------------------------------------------

export const teamKinds = ['operational', 'mentor'] as const;
export const teamRoles = ['leader', 'member'] as const;

export const TeamFormed = defineEvent({
  ...team,
  type: 'TeamFormed',
  schema: z
    .object({
      teamId: id,
      kind: z.enum(teamKinds),
      name: z.string().min(1).max(200),
      area: z
        .object({ districtCode, tambonCode: tambonCode.optional() })
        .strict()
        .refine((area) => area.tambonCode === undefined || area.tambonCode.startsWith(area.districtCode), {
          path: ['tambonCode'],
          message: 'must lie in the district',
        }),
      formedOn: calendarDate,
    })
    .strict(),
});

export const TeamMemberAdded = defineEvent({
  ...team,
  type: 'TeamMemberAdded',
  schema: z.object({ teamId: id, officialId: id, role: z.enum(teamRoles), addedOn: calendarDate }).strict(),
});

export const TeamMemberRemoved = defineEvent({
  ...team,
  type: 'TeamMemberRemoved',
  schema: z
    .object({ teamId: id, officialId: id, removedOn: calendarDate, reason: z.string().min(1).max(500).optional() })
    .strict(),
});

// --- partner ---------------------------------------------------------------------------------------------------

/** The seven development-partner sectors that sign the province's MOU. */
export const partnerSectors = ['government', 'private', 'academic', 'religious', 'media', 'civilSociety', 'people'] as const;
export const supportKinds = ['occupation', 'marketing', 'employment', 'knowHow', 'funding', 'inKind', 'other'] as const;

export const PartnerRegistered = defineEvent({
  ...partner,
  type: 'PartnerRegistered',
  schema: z
    .object({ partnerId: id, name: z.string().min(1).max(200), sector: z.enum(partnerSectors), mouSignedOn: calendarDate })
    .strict(),
});

/** A partner's promise of support towards one goal of a household's life plan. */
export const SupportPledged = defineEvent({
  ...partner,
  type: 'SupportPledged',
  schema: z
    .object({
      partnerId: id,
      pledgeId: id,
      householdId: id,
      planId: id,
      goalId: id,
      support: z
        .object({ kind: z.enum(supportKinds), description: z.string().min(1).max(500), value: satang.optional() })
        .strict(),
      pledgedOn: calendarDate,
    })
    .strict(),
});

export const householdPairingEvents = [HouseholdPaired, HouseholdUnpaired] as const;
export const visitEvents = [VisitLogged, VisitCorrected] as const;
export const officialEvents = [OfficialEnrolled, CaseloadPlaceTaken, CaseloadPlaceReleased] as const;
export const teamEvents = [TeamFormed, TeamMemberAdded, TeamMemberRemoved] as const;
export const partnerEvents = [PartnerRegistered, SupportPledged] as const;

/** Every event the pairings context publishes. */
export const pairingEvents = [
  ...householdPairingEvents,
  ...visitEvents,
  ...officialEvents,
  ...teamEvents,
  ...partnerEvents,
] as const;
