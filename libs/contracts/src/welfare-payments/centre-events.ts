import { z } from 'zod';
import { defineEvent } from '../catalogue/event-definition';
import { centreKinds } from './assistance-events';

const centre = { context: 'welfare-payments', aggregateType: 'centre' } as const;

const id = z.string().min(1).max(200);
const instant = z.iso.datetime({ offset: true });
const reason = z.string().min(1).max(500);

/**
 * Where a centre is: official codes, the tambon within the district within the province (the household area codes
 * without the village). A centre is located in a tambon, it is not the tambon: Khon Kaen has 224 centres for about
 * 199 official tambons, because centres follow local government units.
 */
export const centreAreaSchema = z
  .object({
    provinceCode: z.string().regex(/^\d{2}$/, 'must be a 2-digit province code'),
    districtCode: z.string().regex(/^\d{4}$/, 'must be a 4-digit district code'),
    tambonCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit tambon code'),
  })
  .strict()
  .refine((area) => area.districtCode.startsWith(area.provinceCode), { path: ['districtCode'], message: 'must lie in the province' })
  .refine((area) => area.tambonCode.startsWith(area.districtCode), { path: ['tambonCode'], message: 'must lie in the district' });

export type CentreArea = z.infer<typeof centreAreaSchema>;

// --- centre: the register of the centres that hold budgets and pay grants ----------------------------------------

export const CentreRegistered = defineEvent({
  ...centre,
  type: 'CentreRegistered',
  schema: z
    .object({
      centreId: id,
      /** The centre's Thai name, as on its appointment order. */
      name: z.string().min(1).max(200),
      kind: z.enum(centreKinds),
      area: centreAreaSchema,
      registeredBy: id,
      registeredAt: instant,
    })
    .strict(),
});

/** The centre now serves from another tambon (a merger of local government units, say); its budgets stay its own. */
export const CentreRelocated = defineEvent({
  ...centre,
  type: 'CentreRelocated',
  schema: z.object({ centreId: id, area: centreAreaSchema, reason, relocatedBy: id, relocatedAt: instant }).strict(),
});

/** No budget is allocated to a closed centre; what it already granted is still paid and reported. */
export const CentreClosed = defineEvent({
  ...centre,
  type: 'CentreClosed',
  schema: z.object({ centreId: id, reason, closedBy: id, closedAt: instant }).strict(),
});

export const centreEvents = [CentreRegistered, CentreRelocated, CentreClosed] as const;
