import type { AreaFigures } from '@khu-siao/reporting-projections';

/** Province figures in the shape of `GET /areas/40`, near the 2022 kick-off's (docs/domain.md), for the page's specs. */
export const kickOffFigures: AreaFigures = {
  targetHouseholds: 3569,
  people: 9090,
  byClassification: { developable: 2000, welfare: 1000, vulnerable: 400, unassessed: 169 },
  assessed: 3400,
  failing: { health: 10, livingConditions: 20, education: 30, income: 40, publicServices: 50 },
  paired: 1000,
  visitedLast30Days: 250,
  plansStarted: 5,
  plansCompleted: 1,
  graduated: 2,
  closed: 0,
  officials: 740,
  centres: 224,
  inKind: { count: 0, value: 0 },
  pledges: { count: 0, value: 0 },
  assistance: [
    { programmeId: 'family', grants: 360, grantsPaid: 360, granted: 108_000_000, paid: 108_000_000, reversed: 0, netPaid: 108_000_000 },
    { programmeId: 'centre', grants: 2, grantsPaid: 1, granted: 78_000_000, paid: 50_000_000, reversed: 1_000_000, netPaid: 49_000_000 },
  ],
};
