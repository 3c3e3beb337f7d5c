import { fold, IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { issuesOf } from '@khu-siao/decider/testing';
import { centreDecider } from './business-logic';
import { closeNaiMueang, given, naiMueangClosed, naiMueangRegistered, relocatedToThaPhra, relocateToThaPhra } from './centre.examples';

describe('relocating a centre', () => {
  it('records its new tambon', () => {
    given(naiMueangRegistered).when(relocateToThaPhra).then(relocatedToThaPhra);
    expect(fold(centreDecider, [naiMueangRegistered, relocatedToThaPhra])).toMatchObject({ area: relocateToThaPhra.area });
  });

  it('records nothing when the centre is already there, so a retry changes nothing', () => {
    given(naiMueangRegistered, relocatedToThaPhra).when(relocateToThaPhra).then();
  });

  it('is refused for a centre not on the register, or closed', () => {
    given().when(relocateToThaPhra).thenThrows(NotFoundError, 'centre tc-400101 was not found');
    given(naiMueangRegistered, naiMueangClosed).when(relocateToThaPhra).thenThrows(IllegalStateError, 'centre tc-400101 is closed');
  });

  it('checks the new area as registration does', () => {
    const outside = { ...relocateToThaPhra, area: { provinceCode: '40', districtCode: '4027', tambonCode: '402701' } };
    expect(issuesOf(given(naiMueangRegistered).when(outside).events)).toEqual([{ field: 'area.districtCode', message: 'is not a district of province 40' }]);
  });

  it('needs a reason', () => {
    expect(issuesOf(given(naiMueangRegistered).when({ ...relocateToThaPhra, reason: '' }).events)).toEqual([{ field: 'reason', message: 'is required' }]);
  });
});

describe('closing a centre', () => {
  it('records the closing', () => {
    given(naiMueangRegistered).when(closeNaiMueang).then(naiMueangClosed);
  });

  it('is refused for a centre not on the register', () => {
    given().when(closeNaiMueang).thenThrows(NotFoundError, 'centre tc-400101 was not found');
  });

  it('is refused twice', () => {
    given(naiMueangRegistered, naiMueangClosed).when(closeNaiMueang).thenThrows(IllegalStateError, 'centre tc-400101 is closed');
  });
});
