import { memberSchema, type FieldIssue } from '@khu-siao/contracts';
import { calendarDateIssues, isCalendarDate, type CalendarDate } from '@khu-siao/decider';
import { isValidThaiNationalId } from '../national-id/national-id';
import type { Member, RecordedMember } from './household';

/**
 * The rules a member list keeps, on registration and on every update. Issues name the field by path
 * (`members.2.nationalId`) and never quote a value: national IDs and birth dates are personal data.
 */
export function memberIssues(members: readonly Member[], today: CalendarDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const heads = members.filter((member) => member.relation === 'head').length;
  if (heads !== 1) issues.push({ field: 'members', message: `must have exactly one head (has ${heads})` });
  const memberIds = new Set<string>();
  const nationalIds = new Set<string>();
  members.forEach((member, index) => {
    const field = `members.${index}`;
    if (memberIds.has(member.memberId)) issues.push({ field: `${field}.memberId`, message: 'repeats the id of another member' });
    memberIds.add(member.memberId);
    if (!isValidThaiNationalId(member.nationalId)) {
      issues.push({ field: `${field}.nationalId`, message: 'is not a valid Thai national ID (13 digits with a matching check digit)' });
    } else if (nationalIds.has(member.nationalId)) {
      issues.push({ field: `${field}.nationalId`, message: 'repeats the national ID of another member' });
    }
    nationalIds.add(member.nationalId);
    const badDate = calendarDateIssues({ [`${field}.birthDate`]: member.birthDate });
    issues.push(...badDate);
    if (badDate.length === 0 && isCalendarDate(today) && member.birthDate > today) {
      issues.push({ field: `${field}.birthDate`, message: 'must not be after today' });
    }
  });
  return issues;
}

const memberFields = Object.keys(memberSchema.shape) as (keyof Member)[];

/** The same people with the same details; the order they are listed in is not a change to the household. */
export function sameMembers(a: readonly RecordedMember[], b: readonly RecordedMember[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((member) => {
    const counterpart = b.find((other) => other.memberId === member.memberId);
    return counterpart !== undefined && memberFields.every((key) => member[key] === counterpart[key]);
  });
}
