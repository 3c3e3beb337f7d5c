import { fold, IllegalStateError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { centreDecider } from './business-logic';
import { centreFactsOf } from './centre';
import { given, naiMueangClosed, naiMueangRegistered, registerNaiMueang } from './centre.examples';

const area = registerNaiMueang.area;

describe('registering a centre', () => {
  it('records the centre with its kind and its tambon, district and province', () => {
    given().when(registerNaiMueang).then(naiMueangRegistered);
  });

  it('may register a Community Family Development Centre in Wiang Kao, whose code 4029 follows 4025', () => {
    const wiangKao = { provinceCode: '40', districtCode: '4029', tambonCode: '402901' };
    const events = given().when({ ...registerNaiMueang, centreId: 'cc-402901', kind: 'communityCentre', area: wiangKao }).events();
    expect(events).toEqual([{ type: 'CentreRegistered', data: expect.objectContaining({ centreId: 'cc-402901', kind: 'communityCentre', area: wiangKao }) }]);
  });

  it('registers two centres in one tambon: a centre is not its tambon', () => {
    const second = given().when({ ...registerNaiMueang, centreId: 'tc-400101-city', name: 'ศูนย์ช่วยเหลือสังคมเทศบาลนครขอนแก่น' }).events();
    expect(second).toEqual([{ type: 'CentreRegistered', data: expect.objectContaining({ centreId: 'tc-400101-city', area }) }]);
  });

  it('is refused for a centre already registered, open or closed', () => {
    given(naiMueangRegistered).when(registerNaiMueang).thenThrows(IllegalStateError, 'centre tc-400101 is already registered');
    given(naiMueangRegistered, naiMueangClosed).when(registerNaiMueang).thenThrows(IllegalStateError, 'centre tc-400101 is already registered');
  });

  it.each([
    [{ ...area, provinceCode: '41' }, 'area.provinceCode', 'is not province 40 (Khon Kaen)'],
    [{ ...area, districtCode: '4026', tambonCode: '402601' }, 'area.districtCode', 'is not a district of province 40'],
    [{ ...area, districtCode: '4030', tambonCode: '403001' }, 'area.districtCode', 'is not a district of province 40'],
    [{ ...area, tambonCode: '400201' }, 'area.tambonCode', 'must be the district code followed by a 2-digit tambon number from 01'],
    [{ ...area, tambonCode: '400100' }, 'area.tambonCode', 'must be the district code followed by a 2-digit tambon number from 01'],
  ])('refuses the area %p, naming %s', (wrong, field, message) => {
    expect(issuesOf(given().when({ ...registerNaiMueang, area: wrong }).events)).toEqual([{ field, message }]);
  });

  it('accepts each of the 26 districts of Khon Kaen and no other', () => {
    const districts = Array.from({ length: 40 }, (_, index) => `40${String(index + 1).padStart(2, '0')}`);
    const accepted = districts.filter((districtCode) => {
      const command = { ...registerNaiMueang, area: { provinceCode: '40', districtCode, tambonCode: `${districtCode}01` } };
      try {
        return given().when(command).events().length === 1;
      } catch {
        return false;
      }
    });
    expect(accepted).toHaveLength(26);
    expect(accepted.slice(-2)).toEqual(['4025', '4029']);
  });

  it('refuses a centre without an area', () => {
    const { area: _area, ...noArea } = registerNaiMueang;
    expect(issuesOf(given().when(noArea as typeof registerNaiMueang).events)).toEqual([{ field: 'area', message: 'is required' }]);
  });

  it('names every field at fault at once', () => {
    const bad = { ...registerNaiMueang, name: ' ', kind: 'villageCentre' as never, registeredAt: '2022-01-27' };
    expect(fieldsOf(given().when(bad).events)).toEqual(['name', 'kind', 'registeredAt']);
  });

  it('keeps only the three codes of the area', () => {
    const extra = { ...area, villageCode: '40010103' } as typeof area;
    expect(given().when({ ...registerNaiMueang, area: extra }).events()[0].data).toMatchObject({ area });
  });
});

describe('the facts a budget allocation carries about its centre', () => {
  it('come from the register, or are null when the centre is not on it', () => {
    expect(centreFactsOf(fold(centreDecider, [naiMueangRegistered]))).toEqual({ centreId: 'tc-400101', kind: 'tambonCentre', status: 'open' });
    expect(centreFactsOf(fold(centreDecider, [naiMueangRegistered, naiMueangClosed]))?.status).toBe('closed');
    expect(centreFactsOf(fold(centreDecider, []))).toBeNull();
  });
});
