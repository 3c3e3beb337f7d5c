import { partnerSectors, satang, supportKinds, type FieldIssue } from '@khu-siao/contracts';
import { IllegalStateError, InvalidCommandError, NotFoundError, type Decider } from '@khu-siao/decider';
import { calendarDateIssues, futureDateIssues } from '@khu-siao/decider';
import { oneOfIssues, optional, refuseIfAny, textIssues } from '@khu-siao/decider';
import { requireOpenHousehold } from '../household/household-facts';
import type { PartnerEvent } from '../pairings-events';
import type { PartnerCommand, PledgeSupport, RegisterPartner } from './commands';
import { evolvePartner, initialPartnerState, type Partner, type PartnerState, type Support } from './partner';

/** One stream per partner organisation, its pledges with it: a partner's pledges are read and reported together. */
function decide(command: PartnerCommand, state: PartnerState): PartnerEvent[] {
  switch (command.type) {
    case 'RegisterPartner':
      return register(command, state);
    case 'PledgeSupport':
      return pledge(command, registered(state, command.partnerId));
    default: {
      const unknown: never = command;
      const type = String((unknown as { type?: unknown }).type);
      throw new InvalidCommandError([{ field: 'type', message: `is not a partner command: ${type}` }]);
    }
  }
}

export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState> = {
  initialState: initialPartnerState,
  decide,
  evolve: evolvePartner,
};

function registered(state: PartnerState, partnerId: string): Partner {
  if (state.status === 'notRegistered') throw new NotFoundError('partner', partnerId);
  return state;
}

function register(command: RegisterPartner, state: PartnerState): PartnerEvent[] {
  const { partnerId, name, sector, mouSignedOn, today } = command;
  refuseIfAny([
    ...textIssues({ partnerId, name }, 200),
    ...oneOfIssues('sector', sector, partnerSectors),
    ...calendarDateIssues({ mouSignedOn, today }),
    ...futureDateIssues('mouSignedOn', mouSignedOn, today),
  ]);
  if (state.status !== 'notRegistered') throw new IllegalStateError(`partner ${partnerId} is already registered`);
  return [{ type: 'PartnerRegistered', data: { partnerId, name, sector, mouSignedOn } }];
}

function pledge(command: PledgeSupport, partner: Partner): PartnerEvent[] {
  const { partnerId, pledgeId, householdId, planId, goalId, support, pledgedOn, household } = command;
  refuseIfAny([
    ...textIssues({ pledgeId, householdId, planId, goalId }, 200),
    ...supportIssues(support),
    ...calendarDateIssues({ pledgedOn }),
  ]);
  if (partner.pledges.some((existing) => existing.pledgeId === pledgeId)) {
    throw new IllegalStateError(`pledge ${pledgeId} is already recorded for partner ${partnerId}`);
  }
  requireOpenHousehold(householdId, household);
  const plan = household?.lifePlan;
  if (!plan) throw new IllegalStateError(`household ${householdId} has no life plan to support yet`);
  if (plan.planId !== planId) throw new IllegalStateError(`plan ${planId} is not household ${householdId}'s life plan in force`);
  if (!plan.goalIds.includes(goalId)) throw new NotFoundError('plan goal', goalId);
  const data = {
    partnerId,
    pledgeId,
    householdId,
    planId,
    goalId,
    support: { kind: support.kind, description: support.description, ...optional('value', support.value) },
    pledgedOn,
  };
  return [{ type: 'SupportPledged', data }];
}

function supportIssues(support: Support): FieldIssue[] {
  const issues = [...oneOfIssues('support.kind', support.kind, supportKinds), ...textIssues({ 'support.description': support.description })];
  if (support.value !== undefined && !satang.safeParse(support.value).success) {
    issues.push({ field: 'support.value', message: 'must be a whole number of satang, not negative' });
  }
  return issues;
}
