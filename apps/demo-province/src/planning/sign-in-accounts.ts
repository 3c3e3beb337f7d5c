import type { AreaScope, LocalAccount, Role } from '@khu-siao/security';
import type { ProvincePlan } from './province-plan';

/** One person who may sign in to the development platform's dashboard (what `DASHBOARD_ACCOUNTS_FILE` holds). */
export type SignInAccount = LocalAccount;

/**
 * One account per role, placed in the demo province so each sees something: the district officer of the district
 * with the most households, a buddy official paired in it, the tambon welfare officer of that buddy's first
 * household's tambon centre. Development only: a real deployment signs people in through its identity provider.
 */
export function signInAccounts(plan: ProvincePlan, newPassword: () => string): SignInAccount[] {
  const provinceCode = plan.households[0]?.registration.address.area.provinceCode ?? '40';
  const perDistrict = new Map<string, number>();
  for (const household of plan.households) {
    const { districtCode } = household.registration.address.area;
    perDistrict.set(districtCode, (perDistrict.get(districtCode) ?? 0) + 1);
  }
  const [districtCode] = [...perDistrict].reduce((largest, entry) => (entry[1] > largest[1] ? entry : largest));
  const household = plan.households.find((candidate) => candidate.registration.address.area.districtCode === districtCode)!;
  const centre = plan.centres.find((candidate) => candidate.kind === 'tambonCentre' && candidate.area.tambonCode === household.registration.address.area.tambonCode)!;
  const account = (username: string, role: Role, areas: readonly AreaScope[], description: string, subject = username): SignInAccount => ({
    username,
    password: newPassword(),
    role,
    areas,
    subject,
    description,
  });
  return [
    account('analyst', 'ministryAnalyst', [{ level: 'nation' }], 'ministry analyst (roll-ups of the whole country)'),
    account(`admin-${provinceCode}`, 'provincialAdministrator', [{ level: 'province', provinceCode }], `provincial administrator of province ${provinceCode}`),
    account(`district-${districtCode}`, 'districtOfficer', [{ level: 'district', districtCode }], `district officer of district ${districtCode} (the largest)`),
    account(
      `official-${household.officialId}`,
      'fieldOfficial',
      [{ level: 'own-households', officialId: household.officialId }],
      `buddy official ${household.officialId} (their paired households)`,
      household.officialId,
    ),
    account(`welfare-${centre.centreId}`, 'tambonWelfareOfficer', [{ level: 'centre', centreId: centre.centreId }], `tambon welfare officer of centre ${centre.centreId}`),
    account('auditor', 'auditor', [{ level: 'nation' }], 'auditor'),
  ];
}
