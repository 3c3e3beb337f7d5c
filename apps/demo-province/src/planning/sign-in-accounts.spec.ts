import { roles } from '@khu-siao/security';
import { planProvince } from './plan-province';
import { signInAccounts } from './sign-in-accounts';

describe('the development sign-in accounts', () => {
  const plan = planProvince({ seed: 'khon-kaen-2022', scale: 1 });
  let serial = 0;
  const accounts = signInAccounts(plan, () => `password-${++serial}`);
  const of = (role: string) => accounts.find((account) => account.role === role)!;

  it('has one account per role, each with a password of its own', () => {
    expect(accounts.map((account) => account.role).sort()).toEqual([...roles].sort());
    expect(new Set(accounts.map((account) => account.password)).size).toBe(accounts.length);
    expect(new Set(accounts.map((account) => account.username)).size).toBe(accounts.length);
  });

  it('places the district officer in the largest district, with a buddy and a centre there', () => {
    const count = (districtCode: string) => plan.households.filter((household) => household.registration.address.area.districtCode === districtCode).length;
    const district = of('districtOfficer').areas[0] as { districtCode: string };
    for (const household of plan.households) expect(count(district.districtCode)).toBeGreaterThanOrEqual(count(household.registration.address.area.districtCode));

    const official = of('fieldOfficial');
    const paired = plan.households.filter((household) => household.officialId === official.subject);
    expect(official.areas).toEqual([{ level: 'own-households', officialId: official.subject }]);
    expect(paired.some((household) => household.registration.address.area.districtCode === district.districtCode)).toBe(true);

    const { centreId } = of('tambonWelfareOfficer').areas[0] as { centreId: string };
    const centre = plan.centres.find((candidate) => candidate.centreId === centreId)!;
    expect(centre.kind).toBe('tambonCentre');
    expect(centre.area.districtCode).toBe(district.districtCode);
    expect(of('provincialAdministrator').areas).toEqual([{ level: 'province', provinceCode: '40' }]);
  });
});
