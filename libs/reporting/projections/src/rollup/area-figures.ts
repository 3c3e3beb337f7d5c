import { dimensions, type Dimension } from '@khu-siao/contracts';
import { daysBefore } from './calendar';
import type { Counters } from './counters';

export const classificationsShown = ['developable', 'welfare', 'vulnerable', 'unassessed'] as const;

export interface ProgrammeFigures {
  readonly programmeId: string;
  readonly grants: number;
  readonly grantsPaid: number;
  /** Satang. */
  readonly granted: number;
  readonly paid: number;
  readonly reversed: number;
  readonly netPaid: number;
}

/** A roll-up's figures as the dashboards show them, from its counters. */
export interface AreaFigures {
  readonly targetHouseholds: number;
  readonly people: number;
  readonly byClassification: Readonly<Record<(typeof classificationsShown)[number], number>>;
  readonly assessed: number;
  readonly failing: Readonly<Record<Dimension, number>>;
  readonly paired: number;
  readonly visitedLast30Days: number;
  readonly plansStarted: number;
  readonly plansCompleted: number;
  readonly graduated: number;
  readonly closed: number;
  readonly officials: number;
  readonly centres: number;
  readonly inKind: { readonly count: number; readonly value: number };
  readonly pledges: { readonly count: number; readonly value: number };
  readonly assistance: readonly ProgrammeFigures[];
}

/** The part of a figure name after its first colon, unescaped (see `figure`). */
export function figurePart(name: string, index: number): string | undefined {
  const part = name.split(':')[index];
  return part === undefined ? undefined : decodeURIComponent(part);
}

/** The figure names that make up "visited in the last 30 days" on `today`: last visits from 29 days back to today. */
export function isRecentVisitFigure(name: string, today: string): boolean {
  const date = name.startsWith('lastVisit:') ? figurePart(name, 1) : undefined;
  return date !== undefined && date > daysBefore(today, 30) && date <= today;
}

export function areaFigures(counters: Counters, today: string): AreaFigures {
  const count = (name: string) => counters[name] ?? 0;
  const programmes = new Set(
    Object.keys(counters)
      .filter((name) => /^(grants|granted|paid|reversed|grantsPaid):/.test(name))
      .map((name) => name.slice(name.indexOf(':') + 1)),
  );
  return {
    targetHouseholds: count('households'),
    people: count('people'),
    byClassification: Object.fromEntries(classificationsShown.map((c) => [c, count(`classification:${c}`)])) as AreaFigures['byClassification'],
    assessed: count('assessed'),
    failing: Object.fromEntries(dimensions.map((d) => [d, count(`failing:${d}`)])) as AreaFigures['failing'],
    paired: count('paired'),
    visitedLast30Days: Object.keys(counters)
      .filter((name) => isRecentVisitFigure(name, today))
      .reduce((sum, name) => sum + count(name), 0),
    plansStarted: count('plans:started'),
    plansCompleted: count('plans:completed'),
    graduated: count('graduated'),
    closed: count('closed'),
    officials: count('officials'),
    centres: count('centres'),
    inKind: { count: count('inKind:count'), value: count('inKind:value') },
    pledges: { count: count('pledges'), value: count('pledges:value') },
    assistance: [...programmes].sort().map((programme) => ({
      programmeId: decodeURIComponent(programme),
      grants: count(`grants:${programme}`),
      grantsPaid: count(`grantsPaid:${programme}`),
      granted: count(`granted:${programme}`),
      paid: count(`paid:${programme}`),
      reversed: count(`reversed:${programme}`),
      netPaid: count(`paid:${programme}`) - count(`reversed:${programme}`),
    })),
  };
}
