import type { AreaScope, Principal, Role } from '../identity/principal';
import { accessRules, agencyScopeLevels, roleScopeLevels, type AccessRule, type Reach } from './access-rules';
import { isOperation, type Operation } from './operations';
import { scopeCovers, type ResourceArea } from './resource-area';

export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly denied: 401 | 403; readonly reason: string };

const allowed: Decision = { allowed: true };
const deny = (denied: 401 | 403, reason: string): Decision => ({ allowed: false, denied, reason });

/**
 * Pure: may this principal perform this operation on a resource lying in this area? 401 without a principal, 403
 * for an operation no rule opens, outside the caller's roles or MOU, or outside their areas. `resourceArea` may be
 * left out only for operations open `anywhere`; an in-area operation without it is refused.
 */
export function authorize(principal: Principal | undefined, operation: Operation, resourceArea?: ResourceArea): Decision {
  if (!principal) return deny(401, 'no credentials');
  const rule: AccessRule | undefined = isOperation(operation) ? accessRules[operation] : undefined;
  if (!rule) return deny(403, `no rule opens ${String(operation)}`);
  return principal.kind === 'agency' ? authorizeAgency(principal, operation, rule, resourceArea) : authorizePerson(principal, operation, rule, resourceArea);
}

function authorizeAgency(principal: Principal, operation: Operation, rule: AccessRule, resourceArea?: ResourceArea): Decision {
  if (!rule.agencies) return deny(403, `agencies may not ${operation}`);
  if (!principal.operations?.includes(operation)) return deny(403, `the agency's MOU does not cover ${operation}`);
  return reachDecision(rule.agencies, principal.areas.filter((area) => agencyScopeLevels.includes(area.level)), resourceArea);
}

function authorizePerson(principal: Principal, operation: Operation, rule: AccessRule, resourceArea?: ResourceArea): Decision {
  const granting = principal.roles.filter((role): role is Role => rule.roles[role] !== undefined);
  if (granting.length === 0) return deny(403, `${operation} is not open to the caller's roles`);
  let refusal = deny(403, 'outside the caller\'s areas');
  for (const role of granting) {
    const scopes = principal.areas.filter((area) => roleScopeLevels[role].includes(area.level));
    const decision = reachDecision(rule.roles[role] as Reach, scopes, resourceArea);
    if (decision.allowed) return decision;
    refusal = decision;
  }
  return refusal;
}

function reachDecision(reach: Reach, scopes: readonly AreaScope[], resourceArea?: ResourceArea): Decision {
  if (reach === 'anywhere') return allowed;
  if (!resourceArea) return deny(403, 'the resource\'s area is unknown');
  return scopes.some((scope) => scopeCovers(scope, resourceArea)) ? allowed : deny(403, 'outside the caller\'s areas');
}
