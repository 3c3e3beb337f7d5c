import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { dimensions } from '@khu-siao/contracts';
import type { AreaFigures } from '@khu-siao/reporting-projections';

export type Row = Record<string, string | number | undefined>;

/** Answers with the rows as a CSV table (a header row of the union of their columns, in first-seen order). */
export function sendCsv(response: Response, name: string, rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
  // A byte-order mark so that spreadsheet programs read the Thai text as UTF-8.
  return `\uFEFF${stringify(rows as Row[], { header: true, columns: columns.length > 0 ? columns : ['empty'] })}`;
}

/** An area's figures as one flat row; money stays in satang, named so. */
export function figuresRow(figures: AreaFigures): Row {
  const row: Row = {
    targetHouseholds: figures.targetHouseholds,
    people: figures.people,
    developable: figures.byClassification.developable,
    welfare: figures.byClassification.welfare,
    vulnerable: figures.byClassification.vulnerable,
    unassessed: figures.byClassification.unassessed,
    assessed: figures.assessed,
    ...Object.fromEntries(dimensions.map((dimension) => [`failing_${dimension}`, figures.failing[dimension]])),
    paired: figures.paired,
    visitedLast30Days: figures.visitedLast30Days,
    plansStarted: figures.plansStarted,
    plansCompleted: figures.plansCompleted,
    graduated: figures.graduated,
    closed: figures.closed,
    officials: figures.officials,
    centres: figures.centres,
    inKindCount: figures.inKind.count,
    inKindValue_satang: figures.inKind.value,
  };
  for (const programme of figures.assistance) {
    row[`${programme.programmeId}_grants`] = programme.grants;
    row[`${programme.programmeId}_granted_satang`] = programme.granted;
    row[`${programme.programmeId}_paid_satang`] = programme.paid;
    row[`${programme.programmeId}_reversed_satang`] = programme.reversed;
  }
  return row;
}
