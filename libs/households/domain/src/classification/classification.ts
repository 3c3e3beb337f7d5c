import type { classifications, Dimension } from '@khu-siao/contracts';
import { ageOn, type CalendarDate } from '@khu-siao/decider';

export type Classification = (typeof classifications)[number];

/** What classification needs to know of a member; a whole member fits. */
export interface ClassifiedMember {
  readonly birthDate: CalendarDate;
  readonly disability: boolean;
  readonly chronicIllness: boolean;
}

export interface ClassificationInput {
  readonly members: readonly ClassifiedMember[];
  readonly failedDimensions: readonly Dimension[];
  readonly assessedOn: CalendarDate;
}

/** Thai working age, both ends included, in whole years on the assessment date. */
export const workingAge = { from: 15, to: 59 } as const;

/** Failing this many of the five TPMAP dimensions makes a household vulnerable on its own. */
export const vulnerableFromFailedDimensions = 3;

/**
 * The classification an assessment derives (an official may override it, with a reason):
 * - **welfare** (ครัวเรือนสงเคราะห์) when no member is an able adult — of working age on the assessment date and
 *   without disability or chronic illness: nobody can earn the household out of poverty, so it needs ongoing support
 *   whatever it fails;
 * - else **vulnerable** (ครัวเรือนเปราะบาง) when it fails 3 or more dimensions, or fails both living conditions and
 *   income (a household without secure housing or income falls back at the first shock);
 * - else **developable** (ครัวเรือนพัฒนาได้), including a household that fails nothing: it is on its way to graduation.
 */
export function classify({ members, failedDimensions, assessedOn }: ClassificationInput): Classification {
  if (!members.some((member) => isAbleAdult(member, assessedOn))) return 'welfare';
  const failed = new Set(failedDimensions);
  if (failed.size >= vulnerableFromFailedDimensions) return 'vulnerable';
  if (failed.has('livingConditions') && failed.has('income')) return 'vulnerable';
  return 'developable';
}

export function isAbleAdult(member: ClassifiedMember, on: CalendarDate): boolean {
  const age = ageOn(member.birthDate, on);
  return age >= workingAge.from && age <= workingAge.to && !member.disability && !member.chronicIllness;
}
