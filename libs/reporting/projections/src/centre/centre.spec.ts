import { InMemoryReadModel } from '../projection/in-memory-read-model';
import { areaFigures } from '../rollup/area-figures';
import { ExampleLog } from '../testing/events.examples';

const subsidy = (log: ExampleLog, grantId: string) => [
  log.event('grant', grantId, 'AssistanceGranted', {
    grantId,
    programmeId: 'centre-subsidy',
    centreId: 'tc-400101',
    recipient: { kind: 'centre', centreId: 'tc-400101' },
    amount: 39_000_000,
    reason: 'อุปกรณ์',
    approvedBy: 'w1',
    grantedAt: '2026-03-01T02:00:00.000Z',
  }),
  log.event('grant', grantId, 'AssistanceDisbursed', {
    grantId,
    disbursementId: `d-${grantId}`,
    method: 'bankTransfer',
    reference: 'S1',
    amount: 39_000_000,
    paidAt: '2026-03-02T02:00:00.000Z',
    paidBy: 'w1',
  }),
];

const registered = (log: ExampleLog) =>
  log.event('centre', 'tc-400101', 'CentreRegistered', {
    centreId: 'tc-400101',
    name: 'ศูนย์ช่วยเหลือสังคมตำบลในเมือง',
    kind: 'tambonCentre',
    area: { provinceCode: '40', districtCode: '4001', tambonCode: '400101' },
    registeredBy: 'admin',
    registeredAt: '2026-01-01T02:00:00.000Z',
  });

describe('centres in the roll-ups', () => {
  it("counts a subsidy paid to a centre in the centre's tambon, district and province", () => {
    const log = new ExampleLog();
    const model = new InMemoryReadModel();
    for (const event of [registered(log), ...subsidy(log, 'g1')]) model.apply(event);
    for (const code of ['40', '4001', '400101']) {
      const figures = areaFigures(model.rollups.get(`area:${code}`) ?? {}, '2026-11-23');
      expect(figures.centres).toBe(1);
      expect(figures.assistance).toEqual([
        { programmeId: 'centre-subsidy', grants: 1, grantsPaid: 1, granted: 39_000_000, paid: 39_000_000, reversed: 0, netPaid: 39_000_000 },
      ]);
    }
    expect(model.rollups.has('area:40010101')).toBe(false);
  });

  it('keeps a subsidy unplaced until its centre is registered, and moves it with a relocation', () => {
    const log = new ExampleLog();
    const model = new InMemoryReadModel();
    for (const event of subsidy(log, 'g1')) model.apply(event);
    expect(model.rollups.get('area:unplaced')).toMatchObject({ 'paid:centre-subsidy': 39_000_000 });
    model.apply(registered(log));
    expect(model.rollups.has('area:unplaced')).toBe(false);
    model.apply(
      log.event('centre', 'tc-400101', 'CentreRelocated', {
        centreId: 'tc-400101',
        area: { provinceCode: '40', districtCode: '4002', tambonCode: '400201' },
        reason: 'ย้ายที่ทำการ',
        relocatedBy: 'admin',
        relocatedAt: '2026-04-01T02:00:00.000Z',
      }),
    );
    expect(model.rollups.get('area:4001')).toBeUndefined();
    expect(model.rollups.get('area:400201')).toMatchObject({ centres: 1, 'paid:centre-subsidy': 39_000_000 });
  });
});
