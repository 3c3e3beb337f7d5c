import { khonKaenDistricts } from '@khu-siao/thai-areas';
import { areaIssues } from './areas';

/** A village in moo 1 of tambon 01 of a district. */
const villageIn = (districtCode: string) => ({
  provinceCode: '40',
  districtCode,
  tambonCode: `${districtCode}01`,
  villageCode: `${districtCode}0101`,
});

const officialDistricts = khonKaenDistricts.map((district) => district.code);

describe('the areas of a household in Khon Kaen', () => {
  it.each(officialDistricts)('accept a village in district %s', (districtCode) => {
    expect(areaIssues(villageIn(districtCode), 'address.area')).toEqual([]);
  });

  it.each(['4026', '4027', '4028', '4030', '4000', '4101'])('refuse district %s', (districtCode) => {
    expect(areaIssues({ ...villageIn(districtCode), provinceCode: districtCode.slice(0, 2) }, 'address.area')).toContainEqual({
      field: 'address.area.districtCode',
      message: 'is not a district of province 40',
    });
  });

  it('refuse another province', () => {
    const bangkok = { provinceCode: '10', districtCode: '1001', tambonCode: '100101', villageCode: '10010101' };
    expect(areaIssues(bangkok, 'to.area').map((issue) => issue.field)).toEqual(['to.area.provinceCode', 'to.area.districtCode']);
  });

  it.each([
    ['in another district', '400201'],
    ['numbered 00', '400100'],
    ['of 5 digits', '40011'],
  ])('refuse a tambon %s', (_case, tambonCode) => {
    const issues = areaIssues({ ...villageIn('4001'), tambonCode, villageCode: `${tambonCode}01` }, 'address.area');
    expect(issues.map((issue) => issue.field)).toEqual(['address.area.tambonCode']);
  });

  it.each([
    ['moo 01', '40010101', true],
    ['moo 30', '40010130', true],
    ['moo 00', '40010100', false],
    ['moo 31', '40010131', false],
    ['a moo in another tambon', '40010201', false],
    ['a 1-digit moo', '4001011', false],
  ])('take %s as a village: %s', (_case, villageCode, accepted) => {
    const issues = areaIssues({ ...villageIn('4001'), villageCode }, 'address.area');
    expect(issues).toEqual(
      accepted ? [] : [{ field: 'address.area.villageCode', message: 'must be the tambon code followed by a 2-digit moo from 01 to 30' }],
    );
  });
});
