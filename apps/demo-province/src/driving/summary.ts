import type { ProvincePlan } from '../planning/province-plan';
import type { DriveReport } from './drive-province';

const baht = (satang: number) => `${(satang / 100).toLocaleString('en-US')} baht`;

/** The end-of-run summary: what the plan held and what each step did. */
export function summaryOf(plan: ProvincePlan, report: DriveReport): string {
  const totals = plan.totals;
  const lines = [
    `demo province — seed "${plan.seed}", scale ${plan.scale}, ${(report.elapsedMs / 1000).toFixed(1)} s`,
    `plan: ${totals.households} households, ${totals.people} people in ${totals.districtsCovered} districts; ` +
      `${totals.byClassification.developable} developable, ${totals.byClassification.vulnerable} vulnerable, ${totals.byClassification.welfare} welfare`,
    `      ${totals.officials} officials, ${totals.pairings} pairings, ${totals.visits} visits, ${totals.lifePlans} life plans, ${totals.graduations} graduations`,
    `      ${totals.tambonCentres} tambon centres, ${totals.communityCentres} community centres`,
    `      ${totals.familyGrants.count} family grants (${baht(totals.familyGrants.satang)}), ${totals.centreSubsidies.count} centre subsidies (${baht(totals.centreSubsidies.satang)})`,
    '',
    'step                    done   already  failed',
  ];
  for (const step of report.steps) {
    lines.push(`${step.step.padEnd(22)} ${String(step.done).padStart(6)} ${String(step.already).padStart(9)} ${String(step.failed).padStart(7)}${step.skipped ? `  skipped: ${step.skipped}` : ''}`);
    for (const error of step.errors) lines.push(`    ${error}`);
  }
  return lines.join('\n');
}
