import { z } from 'zod';
import { defineEvent } from '../catalogue/event-definition';
import { satang } from '../shared/value-schemas';

const grant = { context: 'welfare-payments', aggregateType: 'grant' } as const;

const recipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('household'), householdId: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('centre'), centreId: z.string().min(1) }).strict(),
]);

export const AssistanceGranted = defineEvent({
  ...grant,
  type: 'AssistanceGranted',
  schema: z
    .object({
      grantId: z.string().min(1),
      programmeId: z.string().min(1),
      centreId: z.string().min(1),
      recipient: recipientSchema,
      amount: satang.min(1),
      reason: z.string().min(1).max(500),
      approvedBy: z.string().min(1),
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
      method: z.enum(['cashAtCentre', 'bankTransfer', 'promptPay']),
      reference: z.string().min(1).max(100),
      amount: satang.min(1),
      paidAt: z.iso.datetime({ offset: true }),
      paidBy: z.string().min(1),
    })
    .strict(),
});

export const assistanceEvents = [AssistanceGranted, AssistanceDisbursed] as const;
