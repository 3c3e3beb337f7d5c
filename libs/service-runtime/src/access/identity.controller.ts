import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Injectable, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { fieldIssues } from '@khu-siao/contracts';
import { NotFoundError } from '@khu-siao/decider';
import {
  clientCredentialsFromBasic,
  InvalidAgencyRegistrationError,
  operations,
  UnknownAgencyClientError,
  type AgencyClient,
  type AreaScope,
  type ResourceArea,
  type SecurityServices,
} from '@khu-siao/security';
import { RequestInvalid } from '../http/request-invalid';
import { SECURITY } from '../tokens';
import { Allow, Public } from './access.decorators';
import type { AreaResolver } from './area-resolver';

const areaScope = z.discriminatedUnion('level', [
  z.object({ level: z.literal('province'), provinceCode: z.string().regex(/^\d{2}$/) }).strict(),
  z.object({ level: z.literal('district'), districtCode: z.string().regex(/^\d{4}$/) }).strict(),
  z.object({ level: z.literal('tambon'), tambonCode: z.string().regex(/^\d{6}$/) }).strict(),
]);
const registration = z
  .object({
    agency: z.string().min(1).max(200),
    clientId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/, 'lower-case letters, digits and dashes, 3 to 63').optional(),
    areas: z.array(areaScope).min(1).max(50),
    operations: z.array(z.enum(operations)).min(1),
  })
  .strict();
const rotation = z.object({ overlapSeconds: z.number().int().min(0).max(30 * 24 * 3600).optional() }).strict();

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new RequestInvalid(fieldIssues(parsed.error));
  return parsed.data;
}

/** The one province an agency's MOU areas lie in (codes start with their province's); undefined if several. */
function provinceOf(areas: readonly AreaScope[]): ResourceArea | undefined {
  const provinces = new Set(
    areas.map((area) =>
      area.level === 'province' ? area.provinceCode : area.level === 'district' ? area.districtCode.slice(0, 2) : area.level === 'tambon' ? area.tambonCode.slice(0, 2) : '',
    ),
  );
  const [only] = [...provinces];
  return provinces.size === 1 && only ? { provinceCode: only } : undefined;
}

/** A new MOU lies where its areas do; an administrator of another province may not grant it. */
@Injectable()
export class RequestedAgencyArea implements AreaResolver {
  areaOf(request: Request): ResourceArea | undefined {
    const areas = registration.shape.areas.safeParse((request.body as { areas?: unknown } | undefined)?.areas);
    // Malformed areas are answered 400 by the handler; an area that spans provinces is nobody's to grant.
    return areas.success ? (provinceOf(areas.data) ?? { provinceCode: 'several' }) : { provinceCode: 'unknown' };
  }
}

@Injectable()
export class ExistingAgencyArea implements AreaResolver {
  constructor(@Inject(SECURITY) private readonly security: SecurityServices) {}

  async areaOf(request: Request): Promise<ResourceArea | undefined> {
    const client = await this.security.agencyClients.find(String(request.params['clientId']));
    return client ? (provinceOf(client.areas) ?? { provinceCode: 'several' }) : undefined;
  }
}

/**
 * The local issuer's face: its JWKS, the OAuth 2.0 token endpoint for agencies (client credentials, RFC 6749 §4.4)
 * and the register of agency clients. Served by one service of the platform (households); with a real identity
 * provider people sign in there, and agencies may still be given client credentials here.
 */
@ApiTags('identity')
@Controller()
export class IdentityController {
  constructor(@Inject(SECURITY) private readonly security: SecurityServices) {}

  @Get('.well-known/jwks.json')
  @Public()
  @ApiOperation({ summary: "The local issuer's public keys (JWKS), to verify the tokens it signs" })
  jwks() {
    if (!this.security.localIssuer) throw new NotFoundError('local issuer', 'configured');
    return this.security.localIssuer.jwks();
  }

  @Post('oauth/token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Client credentials grant (form-encoded; client_secret_basic or client_secret_post)' })
  async token(@Body() body: Record<string, unknown> | undefined, @Headers('authorization') authorization: string | undefined, @Res() response: Response) {
    if (!this.security.clientCredentials) throw new NotFoundError('local issuer', 'configured');
    const form = body ?? {};
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    const basic = clientCredentialsFromBasic(authorization);
    const result = await this.security.clientCredentials.exchange({
      grantType: text('grant_type'),
      clientId: basic?.clientId ?? text('client_id'),
      clientSecret: basic?.clientSecret ?? text('client_secret'),
      scope: text('scope'),
    });
    response.setHeader('Cache-Control', 'no-store');
    if (result.status === 401) response.setHeader('WWW-Authenticate', 'Basic realm="khu-siao"');
    response.status(result.status).json(result.body);
  }

  @Post('agencies')
  @Allow('agencies.manageClients', RequestedAgencyArea)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Register an agency's client under its MOU: the secret is shown once, in this answer" })
  async register(@Body() body: unknown) {
    const { agency, clientId, areas, operations: granted } = parse(registration, body);
    try {
      return await this.security.agencyClients.register({ agency, clientId, areas, operations: granted });
    } catch (error) {
      if (error instanceof InvalidAgencyRegistrationError) throw new RequestInvalid([{ field: 'operations', message: error.message }]);
      throw error;
    }
  }

  @Get('agencies/:clientId')
  @Allow('agencies.manageClients', ExistingAgencyArea)
  @ApiBearerAuth()
  @ApiOperation({ summary: "An agency client: its MOU's areas and operations, and whether it is revoked" })
  async client(@Param('clientId') clientId: string): Promise<AgencyClient> {
    return this.known(await this.security.agencyClients.find(clientId), clientId);
  }

  @Post('agencies/:clientId/secrets')
  @Allow('agencies.manageClients', ExistingAgencyArea)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Rotate the secret; the old one keeps working for overlapSeconds' })
  rotate(@Param('clientId') clientId: string, @Body() body: unknown) {
    const { overlapSeconds } = parse(rotation, body);
    return this.unknownAs404(() => this.security.agencyClients.rotateSecret(clientId, { overlapSeconds }), clientId);
  }

  @Delete('agencies/:clientId/secrets/:secretId')
  @HttpCode(204)
  @Allow('agencies.manageClients', ExistingAgencyArea)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw one secret (a leaked one) at once' })
  async revokeSecret(@Param('clientId') clientId: string, @Param('secretId') secretId: string): Promise<void> {
    await this.unknownAs404(() => this.security.agencyClients.revokeSecret(clientId, secretId), clientId);
  }

  @Delete('agencies/:clientId')
  @HttpCode(204)
  @Allow('agencies.manageClients', ExistingAgencyArea)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the client: no new tokens; issued ones lapse at their expiry' })
  async revoke(@Param('clientId') clientId: string): Promise<void> {
    await this.unknownAs404(() => this.security.agencyClients.revoke(clientId), clientId);
  }

  private known<T>(value: T | undefined, clientId: string): T {
    if (value === undefined) throw new NotFoundError('agency client', clientId);
    return value;
  }

  private async unknownAs404<T>(work: () => Promise<T>, clientId: string): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UnknownAgencyClientError) throw new NotFoundError('agency client', clientId);
      throw error;
    }
  }
}
