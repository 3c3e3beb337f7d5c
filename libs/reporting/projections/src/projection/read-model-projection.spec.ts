import type { PlatformEvent } from '@khu-siao/contracts';
import { areaFigures } from '../rollup/area-figures';
import { InMemoryReadModel } from './in-memory-read-model';
import { changeToFigure } from './provenance';
import { ExampleLog, area, assessed, member, sealed } from '../testing/events.examples';

const today = '2026-11-23';

function fold(events: readonly PlatformEvent[]): InMemoryReadModel {
  const model = new InMemoryReadModel();
  for (const event of events) model.apply(event);
  return model;
}

const figuresOf = (model: InMemoryReadModel, code: string) => areaFigures(model.rollups.get(`area:${code}`) ?? {}, today);

/** A household through the four processes, with a grant paid to it. */
function journey(log = new ExampleLog()): PlatformEvent[] {
  return [
    log.event('household', 'h1', 'HouseholdRegistered', {
      householdId: 'h1',
      source: 'tpmap',
      address: { area: area('40010101'), houseNumber: sealed('12/3') },
      members: [member('m1', '1101700203451'), member('m2', '1101700203460')],
    }),
    log.event('household', 'h1', 'HouseholdAssessed', assessed('a1', '2026-01-10', ['income', 'health'])),
    log.event('official', 'o1', 'OfficialEnrolled', {
      officialId: 'o1',
      firstName: 'สมหญิง',
      lastName: 'รักดี',
      position: 'นักพัฒนาชุมชน',
      agency: { kind: 'communityDevelopment', name: 'พช.' },
      homeDistrictCode: '4001',
      contact: { phone: '0812345678' },
      enrolledOn: '2026-01-01',
    }),
    log.event('pairing', 'h1', 'HouseholdPaired', { pairingId: 'p1', householdId: 'h1', officialId: 'o1', pairedOn: '2026-01-15' }),
    log.event('visit', 'v1', 'VisitLogged', {
      visitId: 'v1',
      householdId: 'h1',
      officialIds: ['o1'],
      visitedOn: '2026-11-10',
      processStep: 'care',
      dimensionsDiscussed: ['income'],
      needsFound: [],
      helpGiven: [{ kind: 'inKind', description: 'ถุงยังชีพ', value: 50_000 }],
      referrals: [],
    }),
    log.event('grant', 'g1', 'AssistanceGranted', {
      grantId: 'g1',
      programmeId: 'family-grant',
      centreId: 'tc-400101',
      recipient: { kind: 'household', householdId: 'h1' },
      amount: 300_000,
      reason: 'ครอบครัวยากจน',
      approvedBy: 'w1',
      grantedAt: '2026-02-01T02:00:00.000Z',
    }),
    log.event('grant', 'g1', 'AssistanceDisbursed', {
      grantId: 'g1',
      disbursementId: 'd1',
      method: 'cashAtCentre',
      reference: 'R1',
      amount: 300_000,
      paidAt: '2026-02-03T02:00:00.000Z',
      paidBy: 'w1',
    }),
    log.event('household', 'h1', 'HouseholdAssessed', assessed('a2', '2026-10-01', ['income'])),
    log.event('household', 'h1', 'HouseholdGraduated', { graduatedOn: '2026-10-02', assessmentId: 'a2' }),
  ];
}

describe('the read-model projection', () => {
  it('counts a household in its village, tambon, district and province', () => {
    const model = fold(journey());
    for (const code of ['40', '4001', '400101', '40010101']) {
      const figures = figuresOf(model, code);
      expect(figures).toMatchObject({ targetHouseholds: 1, people: 2, assessed: 1, paired: 1, graduated: 1, visitedLast30Days: 1 });
      expect(figures.failing).toEqual({ health: 0, livingConditions: 0, education: 0, income: 1, publicServices: 0 });
      expect(figures.assistance).toEqual([
        { programmeId: 'family-grant', grants: 1, grantsPaid: 1, granted: 300_000, paid: 300_000, reversed: 0, netPaid: 300_000 },
      ]);
      expect(figures.inKind).toEqual({ count: 1, value: 50_000 });
    }
    expect(figuresOf(model, '4002').targetHouseholds).toBe(0);
    expect(figuresOf(model, '40').officials).toBe(1);
  });

  it('credits the buddy with the improvement since the pairing and the graduation of that day', () => {
    const counters = fold(journey()).rollups.get('official:o1');
    expect(counters).toMatchObject({ caseload: 1, improved: 1, failedReduced: 1, visits: 1, 'visits:2026': 1, graduated: 1, 'graduated:2026': 1 });
  });

  it('keeps the personal fields of the case view sealed as the events carry them', () => {
    const householdCase = fold(journey()).entities.case.get('h1');
    expect(householdCase?.members.map((m) => m.nationalId)).toEqual([sealed('1101700203451'), sealed('1101700203460')]);
    expect(householdCase?.houseNumber).toBe(sealed('12/3'));
    expect(householdCase?.erased).toBeUndefined();
  });

  it('erases every sealed field of an erased case and changes no figure, live or rebuilt stream by stream', () => {
    const log = new ExampleLog();
    const events = journey(log);
    const before = fold(events);
    events.push(log.event('household', 'h1', 'HouseholdErased', { erasedOn: '2026-11-21', basis: 'dataSubjectRequest', requestRef: 'DPO-1' }));
    const live = new InMemoryReadModel();
    const deltas = events.map((event) => live.apply(event));
    expect(deltas.at(-1)).toEqual(new Map());
    expect(live.rollups).toEqual(before.rollups);
    const erasedCase = live.entities.case.get('h1');
    const erased = { erased: true };
    expect(erasedCase).toMatchObject({ erased: { erasedOn: '2026-11-21', basis: 'dataSubjectRequest' }, status: 'graduated', houseNumber: erased });
    expect(erasedCase?.members).toEqual([
      expect.objectContaining({ memberId: 'm1', nationalId: erased, firstName: erased, lastName: erased, birthDate: erased, sex: 'male', relation: 'head' }),
      expect.objectContaining({ memberId: 'm2', nationalId: erased, firstName: erased, lastName: erased, birthDate: erased, relation: 'child' }),
    ]);
    expect(JSON.stringify(erasedCase)).not.toContain('pd1.');
    // A rebuild reads the streams in another interleaving; the erasure is still the last of its own stream.
    const rebuilt = fold([...events.filter((e) => e.aggregateType !== 'household'), ...events.filter((e) => e.aggregateType === 'household')]);
    expect(rebuilt.entities.case.get('h1')).toEqual(erasedCase);
    expect(rebuilt.rollups).toEqual(live.rollups);
  });

  it('lands on the same model whatever the order between streams', () => {
    const events = journey();
    const forwards = fold(events);
    // Every stream's own order kept, the streams interleaved the other way round.
    const byStream = new Map<string, PlatformEvent[]>();
    for (const event of events) {
      const key = `${event.aggregateType}-${event.aggregateId}`;
      byStream.set(key, [...(byStream.get(key) ?? []), event]);
    }
    const backwards = fold([...byStream.values()].reverse().flat());
    expect(backwards.rollups).toEqual(forwards.rollups);
    expect(backwards.entities.case.get('h1')).toEqual(forwards.entities.case.get('h1'));
  });

  it('moves every figure of a household that moves, history included', () => {
    const log = new ExampleLog();
    const events = journey(log);
    events.push(
      log.event('household', 'h1', 'HouseholdMoved', {
        from: { area: area('40010101') },
        to: { area: area('40020301') },
        movedOn: '2026-11-01',
      }),
    );
    const model = fold(events);
    expect(figuresOf(model, '4001').targetHouseholds).toBe(0);
    expect(figuresOf(model, '4002')).toMatchObject({ targetHouseholds: 1, people: 2 });
    expect(figuresOf(model, '40').targetHouseholds).toBe(1);
    expect([...model.rollups.keys()].filter((id) => id.includes('4001') && id.startsWith('area:'))).toEqual(['area:4001']);
    expect(model.rollups.get('area:4001')).toEqual({ officials: 1 });
  });

  it('counts a reversal and a cancellation in the money figures', () => {
    const log = new ExampleLog();
    const events = journey(log);
    events.push(
      log.event('grant', 'g1', 'DisbursementReversed', {
        grantId: 'g1',
        disbursementId: 'd1',
        amount: 300_000,
        reason: 'โอนผิดบัญชี',
        reversedBy: 'w1',
        reversedAt: '2026-03-01T02:00:00.000Z',
      }),
      log.event('grant', 'g1', 'GrantCancelled', {
        grantId: 'g1',
        amount: 300_000,
        reason: 'ซ้ำซ้อน',
        cancelledBy: 'w1',
        cancelledAt: '2026-03-02T02:00:00.000Z',
      }),
    );
    const [programme] = figuresOf(fold(events), '40').assistance;
    expect(programme).toEqual({ programmeId: 'family-grant', grants: 0, grantsPaid: 0, granted: 0, paid: 300_000, reversed: 300_000, netPaid: 0 });
  });

  it('takes a closed household out of the stocks and keeps its money', () => {
    const log = new ExampleLog();
    const events = journey(log);
    events.push(log.event('household', 'h1', 'HouseholdCaseClosed', { closedOn: '2026-11-05', reason: 'movedAway' }));
    const figures = figuresOf(fold(events), '40');
    expect(figures).toMatchObject({ targetHouseholds: 0, people: 0, paired: 0, closed: 1 });
    expect(figures.assistance[0].paid).toBe(300_000);
  });

  it('places a grant whose household is not registered yet, then moves it when the household arrives', () => {
    const events = journey();
    const grantFirst = [...events.filter((e) => e.aggregateType === 'grant'), ...events.filter((e) => e.aggregateType !== 'grant')];
    const model = new InMemoryReadModel();
    for (const event of grantFirst.slice(0, 2)) model.apply(event);
    expect(model.rollups.get('area:unplaced')).toMatchObject({ 'granted:family-grant': 300_000 });
    for (const event of grantFirst.slice(2)) model.apply(event);
    expect(model.rollups.has('area:unplaced')).toBe(false);
    expect(model.rollups).toEqual(fold(events).rollups);
  });

  it('names the events that produced a figure, and they add up to it', () => {
    const model = new InMemoryReadModel();
    const trace: { type: string; change: number }[] = [];
    for (const event of journey()) {
      const change = changeToFigure(model.apply(event), 'area:4001', (name) => name === 'failing:health');
      if (change !== 0) trace.push({ type: event.type, change });
    }
    expect(trace).toEqual([
      { type: 'HouseholdAssessed', change: 1 },
      { type: 'HouseholdAssessed', change: -1 },
    ]);
  });
});
