import { z } from 'zod';
import { defineEvent } from '../catalogue/event-definition';
import { satang } from '../shared/value-schemas';

const grant = { context: 'welfare-payments', aggregateType: 'grant' } as const;
const programme = { context: 'welfare-payments', aggregateType: 'programme' } as const;
const budget = { context: 'welfare-payments', aggregateType: 'budget' } as const;

const id = z.string().min(1).max(200);
const instant = z.iso.datetime({ offset: true });
const reason = z.string().min(1).max(500);
/** Thai fiscal years are named by the Buddhist-era year they end in: FY2565 ran 2021-10-01 to 2022-09-30. */
const fiscalYear = z.number().int().min(2500).max(2700);

export const recipientKinds = ['household', 'centre'] as const;
const recipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('household'), householdId: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('centre'), centreId: z.string().min(1) }).strict(),
]);

export const disbursementMethods = ['cashAtCentre', 'bankTransfer', 'promptPay', 'inKind'] as const;
const disbursementMethod = z.enum(disbursementMethods);

// --- grant: one stream per grant, from approval to payment -------------------------------------------------------

export const AssistanceGranted = defineEvent({
  ...grant,
  type: 'AssistanceGranted',
  schema: z
    .object({
      grantId: z.string().min(1),
      programmeId: z.string().min(1),
      /** The centre that pays, from its budget; the recipient may be this centre itself (a subsidy). */
      centreId: z.string().min(1),
      recipient: recipientSchema,
      amount: satang.min(1),
      reason: z.string().min(1).max(500),
      approvedBy: z.string().min(1),
      /** Optional only because the first version lacked them; every grant the domain writes carries both. */
      budgetId: id.optional(),
      grantedAt: instant.optional(),
    })
    .strict(),
});

/** A payment attempt begins: appended before any money moves, so that only one attempt is ever in flight. */
export const DisbursementStarted = defineEvent({
  ...grant,
  type: 'DisbursementStarted',
  schema: z
    .object({
      grantId: id,
      disbursementId: id,
      method: disbursementMethod,
      amount: satang.min(1),
      requestedBy: id,
      requestedAt: instant,
    })
    .strict(),
});

export const AssistanceDisbursed = defineEvent({
  ...grant,
  type: 'AssistanceDisbursed',
  schema: z
    .object({
      grantId: z.string().min(1),
      disbursementId: z.string().min(1),
      /** `inKind` (survival bags and other goods handed over at the centre) was added to the first three. */
      method: disbursementMethod,
      reference: z.string().min(1).max(100),
      amount: satang.min(1),
      paidAt: z.iso.datetime({ offset: true }),
      paidBy: z.string().min(1),
    })
    .strict(),
});

/** The attempt moved no money (a refused transfer, a wrong account); the grant awaits another attempt. */
export const DisbursementFailed = defineEvent({
  ...grant,
  type: 'DisbursementFailed',
  schema: z
    .object({
      grantId: id,
      disbursementId: id,
      method: disbursementMethod,
      amount: satang.min(1),
      reason,
      failedAt: instant,
    })
    .strict(),
});

/** Money paid came back or was paid in error; the grant awaits payment again (or cancellation). */
export const DisbursementReversed = defineEvent({
  ...grant,
  type: 'DisbursementReversed',
  schema: z
    .object({
      grantId: id,
      disbursementId: id,
      amount: satang.min(1),
      reason,
      reversedBy: id,
      reversedAt: instant,
    })
    .strict(),
});

export const GrantCancelled = defineEvent({
  ...grant,
  type: 'GrantCancelled',
  schema: z.object({ grantId: id, amount: satang.min(1), reason, cancelledBy: id, cancelledAt: instant }).strict(),
});

// --- programme: what kind of help, and its standard amount ------------------------------------------------------

export const programmeKinds = ['familyAssistanceGrant', 'centreSubsidy', 'inKind', 'other'] as const;

export const ProgrammeDefined = defineEvent({
  ...programme,
  type: 'ProgrammeDefined',
  schema: z
    .object({
      programmeId: id,
      name: z.string().min(1).max(200),
      kind: z.enum(programmeKinds),
      /** Who may receive it. */
      recipients: z.array(z.enum(recipientKinds)).min(1),
      /** Every grant of the programme is of this amount, when it has one (3,000 baht for the family grant). */
      standardAmount: satang.min(1).optional(),
      definedBy: id,
      definedAt: instant,
    })
    .strict(),
});

export const ProgrammeClosed = defineEvent({
  ...programme,
  type: 'ProgrammeClosed',
  schema: z.object({ programmeId: id, reason, closedBy: id, closedAt: instant }).strict(),
});

// --- budget: one stream per (centre, fiscal year, programme) ----------------------------------------------------

export const centreKinds = ['tambonCentre', 'communityCentre'] as const;

export const BudgetAllocated = defineEvent({
  ...budget,
  type: 'BudgetAllocated',
  schema: z
    .object({
      budgetId: id,
      centreId: id,
      centreKind: z.enum(centreKinds),
      fiscalYear,
      programmeId: id,
      amount: satang.min(1),
      allocatedBy: id,
      allocatedAt: instant,
    })
    .strict(),
});

const budgetMovement = z.object({ budgetId: id, amount: satang.min(1), reason, by: id, at: instant }).strict();

export const BudgetToppedUp = defineEvent({ ...budget, type: 'BudgetToppedUp', schema: budgetMovement });

export const BudgetWithdrawn = defineEvent({ ...budget, type: 'BudgetWithdrawn', schema: budgetMovement });

/** A grant holds this much of the budget from approval until it is cancelled; paying it spends what is held. */
export const BudgetReserved = defineEvent({
  ...budget,
  type: 'BudgetReserved',
  schema: z.object({ budgetId: id, grantId: id, amount: satang.min(1), reservedAt: instant }).strict(),
});

export const reservationReleaseReasons = ['grantCancelled', 'grantNeverRecorded'] as const;

export const BudgetReservationReleased = defineEvent({
  ...budget,
  type: 'BudgetReservationReleased',
  schema: z
    .object({
      budgetId: id,
      grantId: id,
      amount: satang.min(1),
      reason: z.enum(reservationReleaseReasons),
      releasedAt: instant,
    })
    .strict(),
});

export const grantEvents = [
  AssistanceGranted,
  DisbursementStarted,
  AssistanceDisbursed,
  DisbursementFailed,
  DisbursementReversed,
  GrantCancelled,
] as const;
export const programmeEvents = [ProgrammeDefined, ProgrammeClosed] as const;
export const budgetEvents = [
  BudgetAllocated,
  BudgetToppedUp,
  BudgetWithdrawn,
  BudgetReserved,
  BudgetReservationReleased,
] as const;

/** The programme, budget and grant events of the welfare-payments context; its centre register is in centre-events.ts. */
export const assistanceEvents = [...grantEvents, ...programmeEvents, ...budgetEvents] as const;
