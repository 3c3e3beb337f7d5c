import { khonKaenDistricts, khonKaenProvince, khonKaenTambons } from '@khu-siao/thai-areas';
import { areaNames } from './area-names';

describe("the dashboard's area names", () => {
  // The browser loads area-names.ts as it is, so it keeps its own copy of the list: this is what keeps it the same.
  it('are those of the shared Khon Kaen list, code for code and name for name', () => {
    const shared = Object.fromEntries(
      [khonKaenProvince, ...khonKaenDistricts, ...khonKaenTambons].map((area) => [area.code, [area.nameTh, area.nameEn]]),
    );
    expect(areaNames).toEqual(shared);
  });
});
