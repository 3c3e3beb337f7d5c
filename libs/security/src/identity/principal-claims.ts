import { z } from 'zod';
import { isOperation, type Operation } from '../policy/operations';
import { roles, type AreaScope, type Principal } from './principal';

/**
 * The claims a token carries beyond the registered ones, as a real IdP would be configured to map them:
 * `kind`, `roles`, `areas`, `client_id` (RFC 9068; `azp` accepted) and, for agencies, `scope` listing operations.
 */
const areaScope = z.discriminatedUnion('level', [
  z.object({ level: z.literal('nation') }).strict(),
  z.object({ level: z.literal('province'), provinceCode: z.string().regex(/^\d{2}$/) }).strict(),
  z.object({ level: z.literal('district'), districtCode: z.string().regex(/^\d{4}$/) }).strict(),
  z.object({ level: z.literal('tambon'), tambonCode: z.string().regex(/^\d{6}$/) }).strict(),
  z.object({ level: z.literal('centre'), centreId: z.string().min(1).max(100) }).strict(),
  z.object({ level: z.literal('own-households'), officialId: z.string().min(1).max(100) }).strict(),
]);

const principalClaims = z.object({
  sub: z.string().min(1),
  kind: z.enum(['person', 'agency']),
  roles: z.array(z.enum(roles)).default([]),
  areas: z.array(areaScope).min(1),
  client_id: z.string().min(1).optional(),
  azp: z.string().min(1).optional(),
  scope: z.string().optional(),
});

export type PrincipalClaims = z.input<typeof principalClaims>;

/** The principal the claims describe, or undefined when they do not describe one (the caller answers 401). */
export function principalFromClaims(claims: unknown): Principal | undefined {
  const parsed = principalClaims.safeParse(claims);
  if (!parsed.success) return undefined;
  const { sub, kind, areas, client_id, azp, scope } = parsed.data;
  const clientId = client_id ?? azp;
  if (!clientId) return undefined;
  if (kind === 'agency') {
    // Unknown operation names are ignored: a newer issuer may know operations this service does not.
    const granted = (scope ?? '').split(' ').filter((name): name is Operation => isOperation(name));
    return { subject: sub, kind, roles: [], areas: areas as AreaScope[], clientId, operations: granted };
  }
  return { subject: sub, kind, roles: parsed.data.roles, areas: areas as AreaScope[], clientId };
}

/** The claims that carry a principal, for an issuer to sign. */
export function claimsOfPrincipal(principal: Principal): Omit<PrincipalClaims, 'sub'> {
  return {
    kind: principal.kind,
    roles: [...principal.roles],
    areas: principal.areas.map((area) => ({ ...area })),
    client_id: principal.clientId,
    ...(principal.kind === 'agency' ? { scope: (principal.operations ?? []).join(' ') } : {}),
  };
}
