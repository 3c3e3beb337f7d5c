import { addToEach, figure, type Contribution } from '../rollup/counters';
import { monthOf } from '../rollup/calendar';
import { rollupIds, type AreaPath } from '../rollup/rollup-ids';
import { paidOf, reversedOf, type GrantRecord } from './grant-record';

/**
 * The money of a recipient's grants, per programme, in satang: granted (grants not cancelled), paid and reversed
 * (gross), and how many grants stand paid in full. Flows go to the month they happened in.
 */
export function addGrantFigures(into: Contribution, areas: AreaPath, grants: Iterable<GrantRecord>): void {
  const areaIds = areas.map(rollupIds.area);
  for (const grant of grants) {
    const programme = grant.programmeId;
    const paid = paidOf(grant);
    const reversed = reversedOf(grant);
    if (grant.cancelledOn === undefined) {
      addToEach(into, areaIds, figure('grants', programme));
      addToEach(into, areaIds, figure('granted', programme), grant.amount);
      addToEach(into, areas.map((area) => rollupIds.trend(area, monthOf(grant.grantedOn))), figure('granted', programme), grant.amount);
    }
    if (paid - reversed >= grant.amount) addToEach(into, areaIds, figure('grantsPaid', programme));
    addToEach(into, areaIds, figure('paid', programme), paid);
    addToEach(into, areaIds, figure('reversed', programme), reversed);
    for (const payment of grant.payments) {
      addToEach(into, areas.map((area) => rollupIds.trend(area, monthOf(payment.paidOn))), figure('paid', programme), payment.amount);
    }
    for (const reversal of grant.reversals) {
      addToEach(into, areas.map((area) => rollupIds.trend(area, monthOf(reversal.reversedOn))), figure('reversed', programme), reversal.amount);
    }
  }
}
