import type { AreaScope, Principal, Role } from '../identity/principal';
import { accessRules } from './access-rules';
import { authorize } from './authorize';
import { operations, type Operation } from './operations';
import type { ResourceArea } from './resource-area';

const home: ResourceArea = {
  provinceCode: '40',
  districtCode: '4001',
  tambonCode: '400101',
  villageCode: '40010101',
  centreId: 'centre-400101',
  buddyOfficialIds: ['official-7'],
};
const nextDistrict: ResourceArea = {
  provinceCode: '40',
  districtCode: '4002',
  tambonCode: '400201',
  villageCode: '40020101',
  centreId: 'centre-400201',
  buddyOfficialIds: ['official-9'],
};
const otherProvince: ResourceArea = {
  provinceCode: '41',
  districtCode: '4101',
  tambonCode: '410101',
  villageCode: '41010101',
  centreId: 'centre-410101',
  buddyOfficialIds: ['official-11'],
};

const person = (role: Role, ...areas: AreaScope[]): Principal => ({ subject: `${role}-1`, kind: 'person', roles: [role], areas, clientId: 'khu-siao-web' });

/** Role by role: the caller, what it may do in its own area, and whether its area reaches the next district. */
const table: { role: Role; principal: Principal; allowed: Operation[]; reachesNextDistrict: boolean; anywhere?: Operation[] }[] = [
  {
    role: 'fieldOfficial',
    principal: person('fieldOfficial', { level: 'own-households', officialId: 'official-7' }),
    allowed: ['households.updateMembers', 'households.assess', 'households.planLife', 'households.read', 'households.readFullNationalId', 'visits.log', 'visits.read'],
    reachesNextDistrict: false,
  },
  {
    role: 'districtOfficer',
    principal: person('districtOfficer', { level: 'district', districtCode: '4001' }),
    allowed: [
      'households.register', 'households.import', 'households.updateMembers', 'households.move', 'households.assess',
      'households.overrideClassification', 'households.planLife', 'households.graduate', 'households.close', 'households.read',
      'households.search', 'households.readFullNationalId', 'officials.register', 'officials.read', 'pairings.pair', 'visits.log',
      'visits.read', 'visits.readOverdue', 'teams.manage', 'teams.read', 'partners.read', 'reports.readRollups', 'programmes.read',
      'reports.readProjectionStatus',
    ],
    reachesNextDistrict: false,
    anywhere: ['programmes.read', 'reports.readProjectionStatus', 'partners.read'],
  },
  {
    role: 'tambonWelfareOfficer',
    principal: person('tambonWelfareOfficer', { level: 'centre', centreId: 'centre-400101' }),
    allowed: [
      'programmes.read', 'budgets.read', 'grants.award', 'grants.cancel', 'grants.read', 'disbursements.record', 'receipts.read',
      'centres.readLedger', 'centres.readReconciliation',
    ],
    reachesNextDistrict: false,
    anywhere: ['programmes.read'],
  },
  {
    role: 'provincialAdministrator',
    principal: person('provincialAdministrator', { level: 'province', provinceCode: '40' }),
    allowed: [
      'households.register', 'households.import', 'households.move', 'households.overrideClassification', 'households.graduate',
      'households.close', 'households.read', 'households.search', 'households.erase', 'officials.register', 'officials.read',
      'pairings.pair', 'visits.read', 'visits.readOverdue', 'teams.manage', 'teams.read', 'partners.manage', 'partners.read',
      'partners.pledge', 'programmes.manage', 'programmes.read', 'budgets.manage', 'budgets.read', 'grants.cancel', 'grants.read',
      'centres.readLedger', 'centres.readReconciliation', 'reports.readRollups', 'agencies.manageClients', 'reports.rebuild',
      'reports.readProjectionStatus',
    ],
    reachesNextDistrict: true,
    anywhere: ['programmes.read', 'reports.rebuild', 'reports.readProjectionStatus'],
  },
  {
    role: 'ministryAnalyst',
    principal: person('ministryAnalyst', { level: 'province', provinceCode: '40' }),
    allowed: ['reports.readRollups', 'programmes.read', 'reports.readProjectionStatus'],
    reachesNextDistrict: true,
    anywhere: ['programmes.read', 'reports.readProjectionStatus'],
  },
  {
    role: 'auditor',
    principal: person('auditor', { level: 'province', provinceCode: '40' }),
    allowed: [
      'programmes.read', 'budgets.read', 'grants.read', 'receipts.read', 'centres.readLedger', 'centres.readReconciliation',
      'reports.readRollups', 'audit.readPersonalDataAccess', 'reports.readProjectionStatus',
    ],
    reachesNextDistrict: true,
    anywhere: ['programmes.read', 'reports.readProjectionStatus'],
  },
];

describe.each(table)('the $role', ({ principal, allowed, reachesNextDistrict, anywhere = [] }) => {
  const refused = operations.filter((operation) => !allowed.includes(operation));
  const areaBound = allowed.filter((operation) => !anywhere.includes(operation));

  it.each(allowed)('may %s in its own area', (operation) => {
    expect(authorize(principal, operation, home)).toEqual({ allowed: true });
  });

  it.each(refused)('may not %s, even in its own area (403)', (operation) => {
    expect(authorize(principal, operation, home)).toMatchObject({ allowed: false, denied: 403 });
  });

  it.each(areaBound)('may not %s in another province (403)', (operation) => {
    expect(authorize(principal, operation, otherProvince)).toMatchObject({ allowed: false, denied: 403, reason: "outside the caller's areas" });
  });

  it.each(areaBound)(`${reachesNextDistrict ? 'may' : 'may not'} %s in the next district`, (operation) => {
    expect(authorize(principal, operation, nextDistrict).allowed).toBe(reachesNextDistrict);
  });

  it.each(areaBound)('may not %s on a resource of unknown area', (operation) => {
    expect(authorize(principal, operation)).toMatchObject({ allowed: false, denied: 403 });
    expect(authorize(principal, operation, {})).toMatchObject({ allowed: false, denied: 403 });
  });
});

describe('the access policy', () => {
  it('answers 401 without a principal, whatever the operation', () => {
    for (const operation of operations) expect(authorize(undefined, operation, home)).toEqual({ allowed: false, denied: 401, reason: 'no credentials' });
  });

  it('keeps an operation without a rule closed (deny by default)', () => {
    const admin = table[3]?.principal as Principal;
    expect(authorize(admin, 'households.delete' as Operation, home)).toMatchObject({ allowed: false, denied: 403 });
  });

  it('opens no operation on personal data to the ministry analyst, at any scope', () => {
    const analyst = person('ministryAnalyst', { level: 'nation' });
    for (const operation of operations.filter((name) => accessRules[name].personalData)) {
      expect(authorize(analyst, operation, home).allowed).toBe(false);
    }
    expect(authorize(analyst, 'reports.readRollups', otherProvince)).toEqual({ allowed: true });
  });

  it('gives a role nothing through a scope wider than the role acts through', () => {
    const official = person('fieldOfficial', { level: 'province', provinceCode: '40' });
    expect(authorize(official, 'households.read', home)).toMatchObject({ allowed: false, denied: 403 });
    const officer = person('districtOfficer', { level: 'nation' });
    expect(authorize(officer, 'households.read', home)).toMatchObject({ allowed: false, denied: 403 });
  });

  it('lets a caller with two roles act through whichever role the rule opens', () => {
    const both: Principal = {
      subject: 'both',
      kind: 'person',
      roles: ['fieldOfficial', 'tambonWelfareOfficer'],
      areas: [{ level: 'own-households', officialId: 'official-7' }, { level: 'centre', centreId: 'centre-400201' }],
      clientId: 'web',
    };
    expect(authorize(both, 'households.assess', home).allowed).toBe(true);
    expect(authorize(both, 'grants.award', nextDistrict).allowed).toBe(true);
    expect(authorize(both, 'grants.award', home).allowed).toBe(false);
    expect(authorize(both, 'households.assess', nextDistrict).allowed).toBe(false);
  });

  it('never covers a resource whose area codes contradict each other', () => {
    const officer = person('districtOfficer', { level: 'district', districtCode: '4001' });
    expect(authorize(officer, 'households.read', { districtCode: '4001', tambonCode: '400201' }).allowed).toBe(false);
    expect(authorize(officer, 'households.read', { provinceCode: '41', districtCode: '4001' }).allowed).toBe(false);
    expect(authorize(officer, 'households.read', { provinceCode: '40' }).allowed).toBe(false);
    expect(authorize(officer, 'households.read', { villageCode: '40010203' }).allowed).toBe(true);
  });
});

describe('an agency', () => {
  const agency: Principal = {
    subject: 'agency-ngo',
    kind: 'agency',
    roles: [],
    areas: [{ level: 'district', districtCode: '4001' }, { level: 'district', districtCode: '4005' }],
    clientId: 'agency-ngo',
    operations: ['households.register', 'visits.log', 'households.read'],
  };

  it('may do what its MOU lists, in the areas it covers', () => {
    expect(authorize(agency, 'households.register', home)).toEqual({ allowed: true });
    expect(authorize(agency, 'visits.log', { districtCode: '4005', tambonCode: '400503' })).toEqual({ allowed: true });
  });

  it('may not act outside its areas', () => {
    expect(authorize(agency, 'households.register', nextDistrict)).toMatchObject({ allowed: false, denied: 403 });
    expect(authorize(agency, 'visits.log', otherProvince)).toMatchObject({ allowed: false, denied: 403 });
  });

  it('may not do what its MOU does not list', () => {
    expect(authorize(agency, 'reports.readRollups', home)).toMatchObject({ allowed: false, denied: 403, reason: "the agency's MOU does not cover reports.readRollups" });
  });

  it('may not do what no agency may, even if its MOU lists it', () => {
    expect(authorize(agency, 'households.read', home)).toMatchObject({ allowed: false, denied: 403, reason: 'agencies may not households.read' });
  });

  it('gains nothing from a nation-wide or role claim', () => {
    const wide: Principal = { ...agency, areas: [{ level: 'nation' }], roles: ['provincialAdministrator'] };
    expect(authorize(wide, 'households.register', home).allowed).toBe(false);
    expect(authorize(wide, 'programmes.manage', home).allowed).toBe(false);
  });
});
