import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { Response } from 'express';
import { AuthenticationError, authorize, IdentityProviderUnavailableError, type Principal } from '@khu-siao/security';
import { NotFoundError } from '@khu-siao/decider';
import { SECURITY, SERVICE_CONFIG } from '../tokens';
import type { ServiceConfig } from '../config/service-config';
import type { SecurityServices } from '@khu-siao/security';
import { ACCESS_METADATA, type AccessDeclaration, type AuthenticatedRequest } from './access.decorators';
import { Forbidden, IdentityUnavailable, TooManyRequests, Unauthenticated } from './access-problems';
import type { AreaResolver } from './area-resolver';
import { refuseOperatorKeys } from './operator-keys';

const windowMs = 60_000;

/**
 * Every HTTP request passes here before its handler: deny by default. A route must declare `@Public()` or
 * `@Allow(operation, area?)`; the bearer token is verified (401), the client's rate is counted (429), the
 * resource's area resolved (404 when it does not exist) and the access rules weighed (403).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly modules: ModuleRef,
    private readonly rates: ThrottlerStorageService,
    @Inject(SECURITY) private readonly security: SecurityServices,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    refuseOperatorKeys(request.body, request.query);
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (declaration?.public) {
      await this.count(`ip:${request.ip}`, response);
      return true;
    }
    const principal = await this.authenticate(request, response);
    request.principal = principal;
    await this.count(`client:${principal.clientId}`, response);
    if (!declaration) throw new Forbidden('no rule opens this endpoint');
    let area;
    if (declaration.area) {
      const resolver = this.modules.get<AreaResolver>(declaration.area, { strict: false });
      area = await resolver.areaOf(request);
      if (!area) throw new NotFoundError('record', String(request.params['householdId'] ?? request.params['id'] ?? Object.values(request.params ?? {})[0] ?? ''));
    }
    const decision = authorize(principal, declaration.operation, area);
    if (!decision.allowed) throw decision.denied === 401 ? new Unauthenticated(decision.reason) : new Forbidden(decision.reason);
    return true;
  }

  private async authenticate(request: AuthenticatedRequest, response: Response): Promise<Principal> {
    const header = request.headers.authorization;
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header?.trim() ?? '');
    if (!match) {
      await this.count(`ip:${request.ip}`, response);
      response.setHeader('WWW-Authenticate', 'Bearer realm="khu-siao"');
      throw new Unauthenticated(header ? 'the Authorization header is not a bearer token' : 'a bearer token is required');
    }
    try {
      return await this.security.verifier.verify(match[1] as string);
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) throw new IdentityUnavailable('identity provider unavailable');
      await this.count(`ip:${request.ip}`, response);
      const reason = error instanceof AuthenticationError ? error.failure : 'invalid-token';
      response.setHeader('WWW-Authenticate', `Bearer realm="khu-siao", error="invalid_token", error_description="${reason}"`);
      throw new Unauthenticated(`the token is not valid (${reason})`);
    }
  }

  private async count(key: string, response: Response): Promise<void> {
    const limit = this.config.rateLimitPerMinute;
    const record = await this.rates.increment(key, windowMs, limit, windowMs, 'default');
    response.setHeader('RateLimit-Limit', String(limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, limit - record.totalHits)));
    if (record.isBlocked || record.totalHits > limit) {
      const retryAfter = Math.max(1, Math.ceil((record.isBlocked ? record.timeToBlockExpire : record.timeToExpire) || 1));
      response.setHeader('Retry-After', String(retryAfter));
      throw new TooManyRequests(retryAfter);
    }
  }
}
