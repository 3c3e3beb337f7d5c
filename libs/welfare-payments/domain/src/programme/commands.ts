import type { Satang } from '../money/satang';
import type { Instant } from '../fiscal-year/thai-time';
import type { ProgrammeKind, RecipientKind } from './programme';

export interface DefineProgramme {
  readonly type: 'DefineProgramme';
  readonly programmeId: string;
  readonly name: string;
  readonly kind: ProgrammeKind;
  readonly recipients: readonly RecipientKind[];
  /** Whole satang; leave out when the amount of each grant is decided case by case. */
  readonly standardAmount?: Satang;
  readonly definedBy: string;
  readonly definedAt: Instant;
}

/** No new grant may be made under a closed programme; grants already made are paid as usual. */
export interface CloseProgramme {
  readonly type: 'CloseProgramme';
  readonly programmeId: string;
  readonly reason: string;
  readonly closedBy: string;
  readonly closedAt: Instant;
}

export type ProgrammeCommand = DefineProgramme | CloseProgramme;
