import type { PlannedHousehold } from '../planning/province-plan';
import { CallFailed, type As, type Reply, type ServiceCalls } from './service-calls';
import type { Progress } from './progress';

/** The number of calls one household's case takes on the households service after its registration. */
export function caseCalls(household: PlannedHousehold): number {
  return household.assessments.length + (household.lifePlan ? 1 : 0) + household.progress.length + (household.graduatedOn ? 1 : 0);
}

export interface Registered {
  readonly householdId: string;
  readonly version: number;
}

/** Registers a household, its plan key as Idempotency-Key: a re-run registers nothing twice. */
export async function registerHousehold(households: ServiceCalls, as: As, household: PlannedHousehold): Promise<Registered> {
  const registered = await households.call(as, 'POST', '/households', household.registration, { 'idempotency-key': household.key });
  if (registered.status !== 201 && registered.status !== 200) throw new CallFailed(`register ${household.key}`, registered);
  return { householdId: String(registered.body?.['householdId']), version: Number(registered.body?.['version']) };
}

/**
 * Tells a registered household's case step by step, each at the version the last answer gave (If-Match). A 409
 * means the version moved: re-read it and try again. A household already past its registration (an earlier run of
 * the seed) is left alone.
 */
export async function tellCase(
  households: ServiceCalls,
  as: As,
  household: PlannedHousehold,
  registered: Registered,
  progress: Progress,
): Promise<'told' | 'alreadyTold'> {
  const { householdId } = registered;
  let version = registered.version;
  const path = `/households/${householdId}`;
  const steps: [string, string, unknown][] = [
    ...household.assessments.map(({ expectedClassification: _expected, ...assessment }): [string, string, unknown] => ['POST', '/assessments', assessment]),
    ...(household.lifePlan ? [['PUT', '/life-plan', household.lifePlan] as [string, string, unknown]] : []),
    ...household.progress.map(({ actionId, ...progress }): [string, string, unknown] => ['POST', `/life-plan/actions/${actionId}/progress`, progress]),
    ...(household.graduatedOn ? [['POST', '/graduation', { graduatedOn: household.graduatedOn }] as [string, string, unknown]] : []),
  ];
  // A retried registration answers the household as it stands: past version 1, an earlier run told its story.
  if (version > 1) {
    progress.tick(steps.length);
    return 'alreadyTold';
  }
  for (const [index, [method, sub, body]] of steps.entries()) {
    let reply: Reply | null = null;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      reply = await households.call(as, method, `${path}${sub}`, body, { 'if-match': `"${version}"` });
      if (reply.status !== 409) break;
      const current = await households.call(as, 'GET', path);
      const now = Number(current.body?.['version']);
      if (index === 0 && now > version) {
        progress.tick(steps.length - index);
        return 'alreadyTold';
      }
      version = now;
    }
    progress.tick();
    if (!reply || reply.status !== 200) throw new CallFailed(`${method} ${sub} of ${household.key}`, reply as Reply);
    version = Number(reply.body?.['version']);
  }
  return 'told';
}
