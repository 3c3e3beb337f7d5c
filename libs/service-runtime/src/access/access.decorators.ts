import { createParamDecorator, SetMetadata, type ExecutionContext, type Type } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@khu-siao/contracts';
import type { Operation, Principal } from '@khu-siao/security';
import type { AreaResolver } from './area-resolver';

export const ACCESS_METADATA = 'khu-siao:access';

/** What a route declares: the operation it performs and where the resource it acts on lies. */
export type AccessDeclaration =
  | { readonly public: true }
  | { readonly public?: false; readonly operation: Operation; readonly area?: Type<AreaResolver> };

/**
 * Opens a route to whoever the access rules allow `operation` (deny by default: a route without it is refused with
 * 403). `area` resolves where the resource lies from the request (its path, query or body): an unknown resource
 * answers 404 before any rule is weighed; an operation open only in-area and declared without one is refused.
 */
export const Allow = (operation: Operation, area?: Type<AreaResolver>) =>
  SetMetadata(ACCESS_METADATA, { operation, area } satisfies AccessDeclaration);

/** Open to anyone without credentials: health, the JWKS and the token endpoint only. */
export const Public = () => SetMetadata(ACCESS_METADATA, { public: true } satisfies AccessDeclaration);

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/** The verified caller of the request (the guard has put it there before any handler runs). */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('Caller used on a route without an authenticated principal');
  return principal;
});

/** The actor its events record: the person's subject, or the agency's client id. */
export function actorOf(principal: Principal): Actor {
  return { kind: principal.kind === 'agency' ? 'client' : 'person', id: principal.subject };
}
