import type { classifications, Dimension } from '@khu-siao/contracts';
import type { PlannedMember } from './province-plan';

/** Whole years on `on`, as the households service counts them (a birthday counts from its day). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * The classification the households service derives at an assessment, so the plan knows what to expect: welfare
 * when no able adult (15–59, no disability or chronic illness); else vulnerable on 3+ failed dimensions or on both
 * living conditions and income; else developable. The spec holds it to the service's own `classify`.
 */
export function expectedClassification(
  members: readonly PlannedMember[],
  failed: readonly Dimension[],
  assessedOn: string,
): (typeof classifications)[number] {
  const able = members.some((member) => {
    const age = ageOn(member.birthDate, assessedOn);
    return age >= 15 && age <= 59 && !member.disability && !member.chronicIllness;
  });
  if (!able) return 'welfare';
  if (new Set(failed).size >= 3) return 'vulnerable';
  if (failed.includes('livingConditions') && failed.includes('income')) return 'vulnerable';
  return 'developable';
}
