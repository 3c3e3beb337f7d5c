import type { WelfareEventOfType } from '../welfare-events';
import type { DefineProgramme } from './commands';
import type { ProgrammeFacts } from './programme';

/** The family assistance grant: 3,000 baht to a household, paid at a tambon centre. */
export const defineFamilyGrant: DefineProgramme = {
  type: 'DefineProgramme',
  programmeId: 'family-grant',
  name: 'Family assistance grant',
  kind: 'familyAssistanceGrant',
  recipients: ['household'],
  standardAmount: 300_000,
  definedBy: 'officer-1',
  definedAt: '2021-10-01T09:00:00+07:00',
};

const { type: _command, ...definition } = defineFamilyGrant;
export const familyGrantDefined: WelfareEventOfType<'ProgrammeDefined'> = {
  type: 'ProgrammeDefined',
  data: { ...definition, recipients: [...definition.recipients] },
};

export const familyGrant: ProgrammeFacts = { programmeId: 'family-grant', status: 'open', recipients: ['household'], standardAmount: 300_000 };

/** Survival bags and other goods: each grant states its value. */
export const inKindHelp: ProgrammeFacts = { programmeId: 'in-kind', status: 'open', recipients: ['household'], standardAmount: null };

export const centreSubsidy: ProgrammeFacts = { programmeId: 'centre-subsidy', status: 'open', recipients: ['centre'], standardAmount: null };
