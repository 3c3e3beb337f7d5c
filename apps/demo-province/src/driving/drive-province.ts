import type { PlannedCentre, PlannedHousehold, ProvincePlan } from '../planning/province-plan';
import type { Callers } from './callers';
import { caseCalls, registerHousehold, tellCase, type Registered } from './household-story';
import { silentProgress, type Progress } from './progress';
import { type As, CallFailed, inParallel, type Reply, ServiceCalls } from './service-calls';
import { fail, tally, type StepTally } from './step-tally';

export interface ServiceUrls {
  readonly households: string;
  readonly welfarePayments: string;
  readonly pairings: string;
}

export interface DriveOptions {
  readonly urls: ServiceUrls;
  /** Calls in flight at once per step. */
  readonly concurrency: number;
  /** The Thai fiscal year (Buddhist era) budgets are allocated in: the services grant from the current one. */
  readonly fiscalYear: number;
  readonly progress?: (total: number) => Progress;
  /** Who each call is made as. */
  readonly callers: Callers;
}

export interface DriveReport {
  readonly steps: readonly StepTally[];
  /** Plan key → the id the households service gave. */
  readonly householdIds: ReadonlyMap<string, string>;
  /** Plan key → grant id. */
  readonly grantIds: ReadonlyMap<string, string>;
  readonly elapsedMs: number;
}

/** The Thai fiscal year (Buddhist era) a day falls in: it starts on 1 October. */
export function thaiFiscalYear(day: Date): number {
  const bangkok = new Date(day.getTime() + 7 * 3_600_000);
  return bangkok.getUTCFullYear() + (bangkok.getUTCMonth() >= 9 ? 1 : 0) + 543;
}

interface Services {
  readonly households: ServiceCalls;
  readonly welfare: ServiceCalls;
  readonly pairings: ServiceCalls;
}

/** 201 is done, 409 is "already there" (a re-run of the same seed); anything else fails the item. */
function judge(into: StepTally, what: string, reply: Reply, ok: readonly number[] = [200, 201]): void {
  if (ok.includes(reply.status)) into.done += 1;
  else if (reply.status === 409) into.already += 1;
  else fail(into, new CallFailed(what, reply));
}

/**
 * Registers every centre of the plan with welfare-payments (`POST /centres`). Kept apart from the other steps: the
 * endpoint is new, and a service without it answers 404 for the route, which skips the step rather than fail it.
 */
export async function registerCentres(
  welfare: ServiceCalls,
  as: As,
  centres: readonly PlannedCentre[],
  concurrency: number,
  progress: Progress,
): Promise<StepTally> {
  const into = tally('registerCentres');
  const probe = await welfare.call(as, 'POST', '/centres', centres[0]);
  if (probe.status === 404 && /Cannot POST/i.test(JSON.stringify(probe.body))) {
    into.skipped = 'welfare-payments has no POST /centres yet: centres are introduced by their budgets only';
    progress.tick(centres.length);
    return into;
  }
  judge(into, `centre ${centres[0].centreId}`, probe);
  progress.tick();
  await inParallel(centres.slice(1), concurrency, async (centre) => {
    judge(into, `centre ${centre.centreId}`, await welfare.call(as, 'POST', '/centres', centre));
    progress.tick();
  });
  return into;
}

export async function driveProvince(plan: ProvincePlan, options: DriveOptions): Promise<DriveReport> {
  const started = Date.now();
  const services: Services = {
    households: new ServiceCalls(options.urls.households),
    welfare: new ServiceCalls(options.urls.welfarePayments),
    pairings: new ServiceCalls(options.urls.pairings),
  };
  const { callers } = options;
  const administrator = () => callers.provincialAdministrator(plan.centres[0]?.area.provinceCode);
  const districtOfficerOf = (household: PlannedHousehold) => callers.districtOfficer(household.registration.address.area.districtCode);
  const total =
    plan.centres.length +
    plan.programmes.length +
    plan.budgets.length +
    plan.officials.length +
    plan.households.reduce((sum, household) => sum + 1 + 1 + caseCalls(household) + household.visits.length, 0) +
    plan.grants.length * 2;
  const progress = (options.progress ?? (() => silentProgress))(total);
  const width = options.concurrency;
  const steps: StepTally[] = [];
  const householdIds = new Map<string, string>();
  const grantIds = new Map<string, string>();
  const each = async <T>(name: string, items: readonly T[], work: (item: T, into: StepTally) => Promise<void>) => {
    progress.step(name);
    const into = tally(name);
    steps.push(into);
    await inParallel(items, width, (item) => work(item, into).catch((error: unknown) => fail(into, error)));
    return into;
  };

  try {
    progress.step('registerCentres');
    steps.push(await registerCentres(services.welfare, administrator(), plan.centres, width, progress));

    await each('defineProgrammes', plan.programmes, async (programme, into) => {
      judge(into, `programme ${programme.programmeId}`, await services.welfare.call(administrator(), 'POST', '/programmes', programme));
      progress.tick();
    });
    await each('allocateBudgets', plan.budgets, async (budget, into) => {
      judge(into, `budget ${budget.centreId}/${budget.programmeId}`, await services.welfare.call(administrator(), 'POST', '/budgets', { ...budget, fiscalYear: options.fiscalYear }));
      progress.tick();
    });
    await each('enrolOfficials', plan.officials, async (official, into) => {
      judge(into, `official ${official.officialId}`, await services.pairings.call(administrator(), 'POST', '/officials', official));
      progress.tick();
    });
    const registered = new Map<string, Registered>();
    await each('registerHouseholds', plan.households, async (household, into) => {
      const result = await registerHousehold(services.households, districtOfficerOf(household), household);
      progress.tick();
      registered.set(household.key, result);
      householdIds.set(household.key, result.householdId);
      if (result.version === 1) into.done += 1;
      else into.already += 1;
    });
    const known = plan.households.filter((household) => householdIds.has(household.key));
    // Buddies before the cases go on: a graduated household's case is finished and takes no new buddy.
    await each('pairBuddies', known, async (household, into) => {
      const householdId = householdIds.get(household.key)!;
      const reply = await services.pairings.callOnceKnown(districtOfficerOf(household), 'POST', `/households/${householdId}/buddy`, { officialId: household.officialId });
      progress.tick();
      judge(into, `pair ${household.key} with ${household.officialId}`, reply);
    });
    const toldNow = new Set<string>();
    await each('tellCases', known, async (household, into) => {
      const outcome = await tellCase(services.households, districtOfficerOf(household), household, registered.get(household.key)!, progress);
      if (outcome === 'told') toldNow.add(household.key);
      if (outcome === 'told') into.done += 1;
      else into.already += 1;
    });
    // POST /visits takes no Idempotency-Key: only the cases told in this run log theirs, so a re-run logs none twice.
    const visits = known.flatMap((household) =>
      household.visits.map((visit) => ({ household, householdId: householdIds.get(household.key)!, visit, again: !toldNow.has(household.key) })),
    );
    progress.tick(visits.filter((entry) => entry.again).length);
    await each('logVisits', visits.filter((entry) => !entry.again), async ({ household, householdId, visit }, into) => {
      // The buddy logs the visits they made; a visit without them, the district officer.
      const as = visit.officialIds.includes(household.officialId) ? callers.fieldOfficial(household.officialId) : districtOfficerOf(household);
      const reply = await services.pairings.callOnceKnown(as, 'POST', '/visits', { householdId, ...visit });
      progress.tick();
      judge(into, `visit of ${householdId} on ${visit.visitedOn}`, reply);
    });
    await each('grantAndPay', plan.grants, async (grant, into) => {
      const recipient =
        grant.recipient.kind === 'household' ? { kind: 'household', householdId: householdIds.get(grant.recipient.householdKey) } : grant.recipient;
      if (recipient.kind === 'household' && !recipient.householdId) throw new Error(`grant ${grant.key}: its household was never registered`);
      const body = { programmeId: grant.programmeId, centreId: grant.centreId, recipient, reason: grant.reason };
      const headers = { 'idempotency-key': grant.key };
      const welfareOfficer = callers.tambonWelfareOfficer(grant.centreId);
      // A household may not have reached welfare-payments yet (Kafka); a centre is known from the start or never.
      const granted =
        recipient.kind === 'household'
          ? await services.welfare.callOnceKnown(welfareOfficer, 'POST', '/grants', body, headers)
          : await services.welfare.call(welfareOfficer, 'POST', '/grants', body, headers);
      progress.tick();
      if (granted.status !== 201) {
        progress.tick();
        throw new CallFailed(`grant ${grant.key}`, granted);
      }
      const grantId = String(granted.body?.['grantId']);
      grantIds.set(grant.key, grantId);
      const paid = await services.welfare.call(welfareOfficer, 'POST', `/grants/${grantId}/disbursements`, grant.disbursement, { 'idempotency-key': `${grant.key}:pay` });
      progress.tick();
      judge(into, `pay ${grant.key}`, paid);
    });
  } finally {
    progress.stop();
  }
  return { steps, householdIds, grantIds, elapsedMs: Date.now() - started };
}
