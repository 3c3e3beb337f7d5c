import type { CentreArea } from '@khu-siao/contracts';
import type { Instant } from '../fiscal-year/thai-time';
import type { CentreKind } from './centre';

export interface RegisterCentre {
  readonly type: 'RegisterCentre';
  readonly centreId: string;
  /** Thai, as on the centre's appointment order. */
  readonly name: string;
  readonly kind: CentreKind;
  readonly area: CentreArea;
  readonly registeredBy: string;
  readonly registeredAt: Instant;
}

export interface RelocateCentre {
  readonly type: 'RelocateCentre';
  readonly centreId: string;
  readonly area: CentreArea;
  readonly reason: string;
  readonly relocatedBy: string;
  readonly relocatedAt: Instant;
}

export interface CloseCentre {
  readonly type: 'CloseCentre';
  readonly centreId: string;
  readonly reason: string;
  readonly closedBy: string;
  readonly closedAt: Instant;
}

export type CentreCommand = RegisterCentre | RelocateCentre | CloseCentre;
