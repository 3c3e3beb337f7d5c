import { hashOf, routeOf } from './route';

describe('the page address', () => {
  it('reads the area, ranking and case views', () => {
    expect(routeOf('#/area/4001')).toEqual({ view: 'area', code: '4001' });
    expect(routeOf('#/area/40010203')).toEqual({ view: 'area', code: '40010203' });
    expect(routeOf('#/area/unplaced')).toEqual({ view: 'area', code: 'unplaced' });
    expect(routeOf('#/ranking')).toEqual({ view: 'ranking' });
    expect(routeOf('#/case/hh%2F1')).toEqual({ view: 'case', householdId: 'hh/1' });
  });

  it('shows the province for an empty or unknown address', () => {
    for (const hash of ['', '#', '#/', '#/area/401', '#/area/../x', '#/nothing']) expect(routeOf(hash)).toEqual({ view: 'area', code: '40' });
  });

  it('writes the address it reads', () => {
    for (const hash of ['#/area/400101', '#/ranking', '#/case/hh%2F1']) expect(hashOf(routeOf(hash))).toBe(hash);
  });
});
