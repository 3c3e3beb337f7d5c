import { agencyKinds, caseloadReleaseReasons, type FieldIssue } from '@khu-siao/contracts';
import { IllegalStateError, InvalidCommandError, NotFoundError, type Decider } from '@khu-siao/decider';
import { calendarDateIssues } from '@khu-siao/decider';
import { oneOfIssues, optional, optionalTextIssues, refuseIfAny, textIssues } from '@khu-siao/decider';
import type { OfficialEvent } from '../pairings-events';
import type { EnrolOfficial, OfficialCommand, ReleaseHousehold, TakeOnHousehold } from './commands';
import { defaultCaseloadLimit, evolveOfficial, initialOfficialState, type Official, type OfficialState } from './official';

/**
 * An official's stream holds its caseload so that "at most N households per official" is decided on one stream:
 * two pairings to the same official decided at the same version cannot both be appended (expected version), and
 * the loser, re-deciding on the new version, meets the limit. How this joins the household's stream is told in
 * `pairing/business-logic.ts`.
 */
function decide(command: OfficialCommand, state: OfficialState): OfficialEvent[] {
  switch (command.type) {
    case 'EnrolOfficial':
      return enrol(command, state);
    case 'TakeOnHousehold':
      return takeOn(command, enrolled(state, command.officialId));
    case 'ReleaseHousehold':
      return release(command, enrolled(state, command.officialId));
    default: {
      const unknown: never = command;
      const type = String((unknown as { type?: unknown }).type);
      throw new InvalidCommandError([{ field: 'type', message: `is not an official command: ${type}` }]);
    }
  }
}

export const officialDecider: Decider<OfficialCommand, OfficialEvent, OfficialState> = {
  initialState: initialOfficialState,
  decide,
  evolve: evolveOfficial,
};

function enrolled(state: OfficialState, officialId: string): Official {
  if (state.status === 'notEnrolled') throw new NotFoundError('official', officialId);
  return state;
}

function enrol(command: EnrolOfficial, state: OfficialState): OfficialEvent[] {
  const { officialId, title, firstName, lastName, position, agency, homeDistrictCode, contact, enrolledOn } = command;
  refuseIfAny([
    ...textIssues({ officialId }, 200),
    ...optionalTextIssues({ title }, 40),
    ...textIssues({ firstName, lastName }, 100),
    ...textIssues({ position, 'agency.name': agency.name }, 200),
    ...oneOfIssues('agency.kind', agency.kind, agencyKinds),
    ...(/^\d{4}$/.test(homeDistrictCode) ? [] : [{ field: 'homeDistrictCode', message: 'must be a 4-digit district code' }]),
    ...contactIssues(contact),
    ...calendarDateIssues({ enrolledOn }),
  ]);
  if (state.status !== 'notEnrolled') throw new IllegalStateError(`official ${officialId} is already enrolled`);
  const data = {
    officialId,
    ...optional('title', title),
    firstName,
    lastName,
    position,
    agency: { kind: agency.kind, name: agency.name },
    homeDistrictCode,
    contact: { ...optional('phone', contact.phone), ...optional('email', contact.email) },
    enrolledOn,
  };
  return [{ type: 'OfficialEnrolled', data }];
}

/** A way to reach the official: at least one of phone and email, each well-formed. Never quoted back. */
function contactIssues(contact: EnrolOfficial['contact']): FieldIssue[] {
  const { phone, email } = contact;
  if (phone === undefined && email === undefined) return [{ field: 'contact', message: 'needs a phone or an email' }];
  const issues: FieldIssue[] = [];
  if (phone !== undefined && !/^0\d{8,9}$/.test(phone)) {
    issues.push({ field: 'contact.phone', message: 'must be a Thai phone number of 9 or 10 digits starting with 0' });
  }
  if (email !== undefined && (email.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) {
    issues.push({ field: 'contact.email', message: 'must be an email address' });
  }
  return issues;
}

function takeOn(command: TakeOnHousehold, official: Official): OfficialEvent[] {
  const { officialId, pairingId, householdId, takenOn, caseloadLimit = defaultCaseloadLimit } = command;
  const issues = [...textIssues({ pairingId, householdId }, 200), ...calendarDateIssues({ takenOn })];
  if (!Number.isInteger(caseloadLimit) || caseloadLimit < 1) {
    issues.push({ field: 'caseloadLimit', message: 'must be a whole number from 1' });
  }
  if (issues.length === 0 && takenOn < official.enrolment.enrolledOn) {
    issues.push({ field: 'takenOn', message: "must not precede the official's enrolment" });
  }
  refuseIfAny(issues);
  const held = official.caseload.find((place) => place.householdId === householdId);
  // The same take-on asked again (the place reserved, the reply lost) finds it held: nothing more to do.
  if (held?.pairingId === pairingId) return [];
  if (official.pairingIds.includes(pairingId)) throw new IllegalStateError(`pairing ${pairingId} already ended for official ${officialId}`);
  if (held) throw new IllegalStateError(`official ${officialId} already answers for household ${householdId}`);
  const carried = official.caseload.length;
  if (carried >= caseloadLimit) {
    throw new IllegalStateError(`official ${officialId} already carries ${carried} households, the province's limit of ${caseloadLimit}`);
  }
  return [{ type: 'CaseloadPlaceTaken', data: { officialId, pairingId, householdId, takenOn, caseloadLimit } }];
}

function release(command: ReleaseHousehold, official: Official): OfficialEvent[] {
  const { officialId, pairingId, releasedOn, reason } = command;
  refuseIfAny([
    ...textIssues({ pairingId }, 200),
    ...calendarDateIssues({ releasedOn }),
    ...oneOfIssues('reason', reason, caseloadReleaseReasons),
  ]);
  const place = official.caseload.find((candidate) => candidate.pairingId === pairingId);
  if (!place) {
    // Released before (a retry after a lost reply): nothing more to do; never held: the caller is mistaken.
    if (official.pairingIds.includes(pairingId)) return [];
    throw new NotFoundError('caseload place', pairingId);
  }
  if (releasedOn < place.takenOn) {
    throw new InvalidCommandError([{ field: 'releasedOn', message: 'must not precede the day the place was taken' }]);
  }
  return [{ type: 'CaseloadPlaceReleased', data: { officialId, pairingId, householdId: place.householdId, releasedOn, reason } }];
}
