import { z } from 'zod';
import { defineEvent } from '../catalogue/event-definition';
import { calendarDate, dimensionSchema, processStepSchema, satang } from '../shared/value-schemas';

const pairing = { context: 'pairings', aggregateType: 'pairing' } as const;
const visit = { context: 'pairings', aggregateType: 'visit' } as const;

export const HouseholdPaired = defineEvent({
  ...pairing,
  type: 'HouseholdPaired',
  schema: z
    .object({ pairingId: z.string().min(1), householdId: z.string().min(1), officialId: z.string().min(1), pairedOn: calendarDate })
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

const helpGivenSchema = z
  .object({ kind: z.enum(['inKind', 'advice', 'service']), description: z.string().min(1).max(300), value: satang.optional() })
  .strict();

const visitLoggedV2 = z
  .object({
    visitId: z.string().min(1),
    householdId: z.string().min(1),
    officialIds: z.array(z.string().min(1)).min(1),
    visitedOn: calendarDate,
    processStep: processStepSchema,
    dimensionsDiscussed: z.array(dimensionSchema),
    needsFound: z.array(z.string().min(1).max(300)),
    helpGiven: z.array(helpGivenSchema),
    referrals: z.array(z.string().min(1).max(200)),
    nextVisitOn: calendarDate.optional(),
  })
  .strict();

/**
 * Schema version 1 named a single `officialId`; buddies often visit together, so version 2 carries `officialIds`.
 * Events stored at version 1 are lifted on read.
 */
export const VisitLogged = defineEvent({
  ...visit,
  type: 'VisitLogged',
  schemaVersion: 2,
  schema: visitLoggedV2,
  upcasters: {
    1: ({ officialId, ...rest }) => ({ ...rest, officialIds: [officialId] }),
  },
});

export const pairingEvents = [HouseholdPaired, HouseholdUnpaired, VisitLogged] as const;
