import { fiscalYearRange } from '../fiscal-year/fiscal-year';
import { centreLedger } from './centre-ledger';
import { householdAssistanceHistory } from './household-history';
import { centresOf, Province, threeHundredSixtyGrantsPaid } from './ledger.examples';
import { reconciliation } from './reconciliation';

const fy2565 = fiscalYearRange(2565);

describe('360 family assistance grants of 3,000 baht, all paid', () => {
  const province = threeHundredSixtyGrantsPaid();
  const centres = centresOf(province);

  it('add up to exactly 1,080,000 baht across the centres ledgers', () => {
    const ledgers = centres.map((centreId) => centreLedger(province.events, centreId));
    const total = (key: 'granted' | 'paid' | 'paidOut' | 'funded' | 'balance' | 'awaitingPayment') =>
      ledgers.reduce((sum, ledger) => sum + ledger[key], 0);
    expect(total('granted')).toBe(108_000_000);
    expect(total('paid')).toBe(108_000_000);
    expect(total('paidOut')).toBe(108_000_000);
    expect(total('funded')).toBe(108_000_000);
    expect(total('balance')).toBe(0);
    expect(total('awaitingPayment')).toBe(0);
  });

  it('gives each centre 30 grants and 30 payments, its balance running down to zero', () => {
    const ledger = centreLedger(province.events, centres[0] as string);
    expect(ledger.entries.filter((entry) => entry.kind === 'granted')).toHaveLength(30);
    expect(ledger.entries.filter((entry) => entry.kind === 'paid')).toHaveLength(30);
    expect(ledger.entries.every((entry) => entry.balanceAfter >= 0)).toBe(true);
    expect(ledger.entries.at(-1)).toMatchObject({ balanceAfter: 0, paidOutAfter: 9_000_000 });
  });

  it('reconciles per centre over FY2565, and the reconciliations add up to 1,080,000 baht', () => {
    const reports = centres.map((centreId) => reconciliation(province.events, centreId, fy2565));
    expect(reports.every((report) => report.balanced)).toBe(true);
    expect(reports.reduce((sum, report) => sum + report.granted.amount, 0)).toBe(108_000_000);
    expect(reports.reduce((sum, report) => sum + report.paid.amount, 0)).toBe(108_000_000);
    expect(reports.reduce((sum, report) => sum + report.paid.count, 0)).toBe(360);
    expect(reports.every((report) => report.closingOutstanding.amount === 0)).toBe(true);
  });

  it("shows a household's grant in its history", () => {
    const [grant] = householdAssistanceHistory(province.events, 'hh-7');
    expect(grant).toMatchObject({ grantId: 'g-7', amount: 300_000, status: 'paid' });
    expect(householdAssistanceHistory(province.events, 'hh-999')).toEqual([]);
  });
});

describe('failed and reversed payments', () => {
  function story(): Province {
    const province = new Province();
    province.allocate('tc-400101', 1_500_000);
    ['g-1', 'g-2', 'g-3', 'g-4'].forEach((grantId, n) => province.grant(grantId, 'tc-400101', `hh-${n + 1}`));
    province.pay('g-1', 'd-1');
    province.failTransfer('g-2', 'd-2a');
    province.pay('g-2', 'd-2b', '2022-02-05T10:00:00+07:00');
    province.pay('g-3', 'd-3');
    province.reverse('g-3', 'd-3');
    province.failTransfer('g-4', 'd-4');
    province.cancel('g-4', 'tc-400101');
    province.revise('tc-400101', 200_000);
    return province;
  }

  it('keep the ledger consistent: committed = paid out + awaiting payment', () => {
    const ledger = centreLedger(story().events, 'tc-400101');
    expect(ledger).toMatchObject({
      funded: 1_500_000,
      granted: 1_200_000,
      cancelled: 300_000,
      paid: 900_000,
      reversed: 300_000,
      paidOut: 600_000,
      awaitingPayment: 300_000,
      balance: 600_000,
      failedAttempts: 2,
    });
    expect(ledger.granted - ledger.cancelled).toBe(ledger.paidOut + ledger.awaitingPayment);
  });

  it('reconcile over the fiscal year: granted − cancelled − paid + reversed = outstanding', () => {
    const report = reconciliation(story().events, 'tc-400101', fy2565);
    expect(report).toMatchObject({
      openingOutstanding: { count: 0, amount: 0 },
      granted: { count: 4, amount: 1_200_000 },
      cancelled: { count: 1, amount: 300_000 },
      paid: { count: 3, amount: 900_000 },
      failed: { count: 2, amount: 600_000 },
      reversed: { count: 1, amount: 300_000 },
      closingOutstanding: { count: 1, amount: 300_000 },
      paidNet: 600_000,
      balanced: true,
    });
  });

  it('reconcile month by month, each closing the next one opens', () => {
    const events = story().events;
    const months = [
      { from: '2022-01-01', to: '2022-01-31' },
      { from: '2022-02-01', to: '2022-02-28' },
      { from: '2022-03-01', to: '2022-03-31' },
    ];
    const reports = months.map((period) => reconciliation(events, 'tc-400101', period));
    expect(reports.map((report) => report.balanced)).toEqual([true, true, true]);
    expect(reports.map((report) => report.closingOutstanding.count)).toEqual([4, 1, 1]);
    expect(reports[1]?.openingOutstanding).toEqual(reports[0]?.closingOutstanding);
    expect(reports[2]?.openingOutstanding).toEqual(reports[1]?.closingOutstanding);
    expect(reports[2]).toMatchObject({ reversed: { count: 1 }, cancelled: { count: 1 }, paid: { count: 0 } });
  });

  it('show a household every attempt at paying it', () => {
    const [grant] = householdAssistanceHistory(story().events, 'hh-2');
    expect(grant?.disbursements.map((attempt) => [attempt.disbursementId, attempt.outcome])).toEqual([
      ['d-2a', 'failed'],
      ['d-2b', 'paid'],
    ]);
  });

  it('flag events that contradict themselves as unbalanced', () => {
    const events = story().events.map((event) =>
      event.type === 'AssistanceDisbursed' && event.data.grantId === 'g-1' ? { ...event, data: { ...event.data, paidAt: '2021-12-01T10:00:00+07:00' } } : event,
    );
    expect(reconciliation(events, 'tc-400101', { from: '2021-12-01', to: '2021-12-31' }).balanced).toBe(false);
  });

  it('leave other centres out', () => {
    expect(centreLedger(story().events, 'tc-400102')).toMatchObject({ entries: [], funded: 0, balance: 0 });
  });
});
