import type { AreaLevel, Role } from '../identity/principal';
import type { Operation } from './operations';

/** `in-area`: the resource must lie in one of the caller's area scopes; `anywhere`: no area applies (catalogues). */
export type Reach = 'in-area' | 'anywhere';

export interface AccessRule {
  /** The roles the operation is open to, and how far. A role not listed is refused. */
  readonly roles: Partial<Record<Role, Reach>>;
  /** Open to agencies whose MOU lists the operation, within their MOU's areas. */
  readonly agencies?: Reach;
  /** Shows or takes names, national IDs, addresses, health or income of a household. */
  readonly personalData: boolean;
}

/**
 * The area scopes each role acts through. A token claiming a role with a wider scope than the role allows gains
 * nothing from it: a field official with a province scope still sees only their own households.
 */
export const roleScopeLevels: Readonly<Record<Role, readonly AreaLevel[]>> = {
  fieldOfficial: ['own-households'],
  districtOfficer: ['district'],
  tambonWelfareOfficer: ['centre'],
  provincialAdministrator: ['province'],
  ministryAnalyst: ['nation', 'province'],
  auditor: ['nation', 'province', 'district'],
};

export const agencyScopeLevels: readonly AreaLevel[] = ['province', 'district', 'tambon', 'centre'];

const inArea = (...granted: Role[]): Partial<Record<Role, Reach>> =>
  Object.fromEntries(granted.map((role) => [role, 'in-area' as const]));

/** Deny by default: an operation is open only to what its rule lists. */
export const accessRules: Readonly<Record<Operation, AccessRule>> = {
  'households.register': { roles: inArea('districtOfficer', 'provincialAdministrator'), agencies: 'in-area', personalData: true },
  'households.import': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: true },
  'households.updateMembers': { roles: inArea('fieldOfficial', 'districtOfficer'), personalData: true },
  'households.move': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: true },
  'households.assess': { roles: inArea('fieldOfficial', 'districtOfficer'), personalData: true },
  'households.overrideClassification': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: false },
  'households.planLife': { roles: inArea('fieldOfficial', 'districtOfficer'), personalData: true },
  'households.graduate': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: false },
  'households.close': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: false },
  'households.read': { roles: inArea('fieldOfficial', 'districtOfficer', 'provincialAdministrator'), personalData: true },
  // The listing read model holds no names or IDs.
  'households.search': { roles: inArea('districtOfficer', 'provincialAdministrator'), agencies: 'in-area', personalData: false },
  'households.readFullNationalId': { roles: inArea('fieldOfficial', 'districtOfficer'), personalData: true },
  'households.erase': { roles: inArea('provincialAdministrator'), personalData: true },

  'officials.register': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: false },
  'officials.read': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: false },
  'pairings.pair': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: false },
  'visits.log': { roles: inArea('fieldOfficial', 'districtOfficer'), agencies: 'in-area', personalData: true },
  'visits.read': { roles: inArea('fieldOfficial', 'districtOfficer', 'provincialAdministrator'), personalData: true },
  'visits.readOverdue': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: false },
  'teams.manage': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: false },
  'teams.read': { roles: inArea('districtOfficer', 'provincialAdministrator'), personalData: false },
  'partners.manage': { roles: inArea('provincialAdministrator'), personalData: false },
  // The partners' catalogue (organisations that signed the province's MOU) is province-wide: a district officer, whose
  // scope is narrower than any partner, reads it to plan a household's actions.
  'partners.read': { roles: { districtOfficer: 'anywhere', provincialAdministrator: 'in-area' }, agencies: 'in-area', personalData: false },
  'partners.pledge': { roles: inArea('provincialAdministrator'), agencies: 'in-area', personalData: false },

  'programmes.manage': { roles: inArea('provincialAdministrator'), personalData: false },
  // The programme catalogue: a tambon centre awards grants under programmes set for the whole province.
  'programmes.read': {
    roles: { provincialAdministrator: 'anywhere', auditor: 'anywhere', tambonWelfareOfficer: 'anywhere', districtOfficer: 'anywhere', ministryAnalyst: 'anywhere' },
    personalData: false,
  },
  'budgets.manage': { roles: inArea('provincialAdministrator'), personalData: false },
  'budgets.read': { roles: inArea('tambonWelfareOfficer', 'provincialAdministrator', 'auditor'), personalData: false },
  'grants.award': { roles: inArea('tambonWelfareOfficer'), personalData: false },
  'grants.cancel': { roles: inArea('tambonWelfareOfficer', 'provincialAdministrator'), personalData: false },
  'grants.read': { roles: inArea('tambonWelfareOfficer', 'provincialAdministrator', 'auditor'), personalData: false },
  'disbursements.record': { roles: inArea('tambonWelfareOfficer'), personalData: false },
  // A receipt names the person paid.
  'receipts.read': { roles: inArea('tambonWelfareOfficer', 'auditor'), personalData: true },
  'centres.readLedger': { roles: inArea('tambonWelfareOfficer', 'provincialAdministrator', 'auditor'), personalData: false },
  'centres.readReconciliation': { roles: inArea('tambonWelfareOfficer', 'provincialAdministrator', 'auditor'), personalData: false },

  'reports.readRollups': {
    roles: inArea('ministryAnalyst', 'provincialAdministrator', 'districtOfficer', 'auditor'),
    agencies: 'in-area',
    personalData: false,
  },
  // Rebuilding a read model changes no figure (the rebuild is compared with the live model before it is switched in).
  'reports.rebuild': { roles: { provincialAdministrator: 'anywhere' }, personalData: false },
  // How far the read model is, and its change notifications: no figure of any area, so no area applies.
  'reports.readProjectionStatus': {
    roles: { ministryAnalyst: 'anywhere', provincialAdministrator: 'anywhere', districtOfficer: 'anywhere', auditor: 'anywhere' },
    personalData: false,
  },
  'audit.readPersonalDataAccess': { roles: inArea('auditor'), personalData: false },
  'agencies.manageClients': { roles: inArea('provincialAdministrator'), personalData: false },
};
