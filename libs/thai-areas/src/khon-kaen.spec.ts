import { isKhonKaenDistrict, khonKaenDistricts, khonKaenProvince, khonKaenTambons } from './khon-kaen';

const officialDistricts = [
  '4001', '4002', '4003', '4004', '4005', '4006', '4007', '4008', '4009', '4010', '4011', '4012', '4013',
  '4014', '4015', '4016', '4017', '4018', '4019', '4020', '4021', '4022', '4023', '4024', '4025', '4029',
];

describe('the Khon Kaen area list', () => {
  it('is province 40 with its 26 official districts (4029, and not 4026–4028)', () => {
    expect(khonKaenProvince).toEqual({ code: '40', nameTh: 'ขอนแก่น', nameEn: 'Khon Kaen' });
    expect(khonKaenDistricts.map((district) => district.code)).toEqual(officialDistricts);
  });

  it('names each district in Thai and English as the official list does, no two alike', () => {
    expect(khonKaenDistricts[0]).toEqual({ code: '4001', nameTh: 'เมืองขอนแก่น', nameEn: 'Mueang Khon Kaen' });
    expect(khonKaenDistricts.find((district) => district.code === '4022')?.nameTh).toBe('โคกโพธิ์ไชย');
    expect(khonKaenDistricts.find((district) => district.code === '4029')).toEqual({ code: '4029', nameTh: 'เวียงเก่า', nameEn: 'Wiang Kao' });
    expect(new Set(khonKaenDistricts.map((district) => district.nameTh)).size).toBe(26);
    expect(new Set(khonKaenDistricts.map((district) => district.nameEn)).size).toBe(26);
  });

  it('has 199 tambons, each its district code and 2 digits from 01, every district with some', () => {
    expect(khonKaenTambons).toHaveLength(199);
    expect(new Set(khonKaenTambons.map((tambon) => tambon.code)).size).toBe(199);
    for (const tambon of khonKaenTambons) {
      expect(tambon.code).toMatch(new RegExp(`^${tambon.districtCode}(0[1-9]|[1-9]\\d)$`));
      expect(isKhonKaenDistrict(tambon.districtCode)).toBe(true);
    }
    for (const district of khonKaenDistricts) {
      expect(khonKaenTambons.some((tambon) => tambon.districtCode === district.code)).toBe(true);
    }
  });

  it.each(officialDistricts)('knows %s as a district', (code) => expect(isKhonKaenDistrict(code)).toBe(true));

  it.each(['4026', '4027', '4028', '4030', '40', '400101', '1001', '', ' 4001', 4001, null, undefined])(
    'knows %p as no district',
    (code) => expect(isKhonKaenDistrict(code)).toBe(false),
  );
});
