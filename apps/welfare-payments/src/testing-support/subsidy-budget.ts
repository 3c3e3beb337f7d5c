import type { AuthHeaders } from '@khu-siao/security';
import { Clock } from '@khu-siao/service-runtime';
import { fiscalYearAt } from '@khu-siao/welfare-payments-domain';

/**
 * A tambon centre of Mueang Khon Kaen on the register, with a budget this fiscal year for the `subsidy` programme
 * (paid to centres, no standard amount): what a spec needs to grant and pay, set up as the administrator would.
 */
export async function subsidyBudget(baseUrl: string, admin: AuthHeaders, centreId: string, amount: number): Promise<string> {
  const post = async (path: string, body: unknown, accepted: number[] = [201]) => {
    const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...admin }, body: JSON.stringify(body) });
    const answer = (await response.json()) as Record<string, string>;
    if (!accepted.includes(response.status)) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  };
  await post('/programmes', { programmeId: 'subsidy', name: 'Subsidy', kind: 'centreSubsidy', recipients: ['centre'] }, [201, 409]);
  await post('/centres', { centreId, name: `ศูนย์ ${centreId}`, kind: 'tambonCentre', area: { provinceCode: '40', districtCode: '4001', tambonCode: centreId.slice(3) } });
  const { budgetId } = await post('/budgets', { centreId, fiscalYear: fiscalYearAt(new Clock().now()), programmeId: 'subsidy', amount });
  return budgetId;
}

/** The body of a subsidy of `amount` satang from a centre to itself. */
export const subsidy = (centreId: string, amount: number, reason = 'equipment') => ({ programmeId: 'subsidy', centreId, recipient: { kind: 'centre', centreId }, amount, reason });
