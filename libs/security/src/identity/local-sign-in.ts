import { randomUUID } from 'node:crypto';
import type { Operation } from '../policy/operations';
import { LocalIssuer } from './local-issuer';
import type { AreaScope, Principal, Role } from './principal';

export type AuthHeaders = Readonly<Record<string, string>>;

/**
 * A person who may sign in to the development platform with a password: what the accounts file holds, written by
 * the demo province and read by the dashboard's sign-in.
 */
export interface LocalAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly areas: readonly AreaScope[];
  /** The token's subject: a buddy official signs in as their official id. */
  readonly subject: string;
  /** Who this is, in the demo province. */
  readonly description: string;
}

/**
 * Signs in as any person or agency with the local issuer's key, for tests, the demo province and the development
 * platform (never where a real identity provider is in use): each method answers the headers of a request made as
 * that caller. `env` holds `AUTH_LOCAL_ISSUER_KEY`, `AUTH_AUDIENCE` and optionally `AUTH_LOCAL_ISSUER`.
 */
export class LocalSignIn {
  private issuer?: Promise<LocalIssuer>;

  constructor(private readonly env: Readonly<Record<string, string>>) {}

  async headersFor(principal: Omit<Principal, 'clientId' | 'subject'> & { subject?: string; clientId?: string }): Promise<AuthHeaders> {
    this.issuer ??= LocalIssuer.fromConfig({
      issuer: this.env['AUTH_LOCAL_ISSUER'] ?? 'urn:khu-siao:local-issuer',
      audience: this.env['AUTH_AUDIENCE'] as string,
      privateKey: this.env['AUTH_LOCAL_ISSUER_KEY'] as string,
      tokenTtlSeconds: 3600,
    });
    const token = await (await this.issuer).issue({
      ...principal,
      subject: principal.subject ?? `test-${randomUUID()}`,
      clientId: principal.clientId ?? 'khu-siao-local-sign-in',
    });
    return { authorization: `Bearer ${token}` };
  }

  person(role: Role, areas: readonly AreaScope[], subject?: string): Promise<AuthHeaders> {
    return this.headersFor({ kind: 'person', roles: [role], areas, subject });
  }

  provincialAdministrator(provinceCode = '40', subject?: string): Promise<AuthHeaders> {
    return this.person('provincialAdministrator', [{ level: 'province', provinceCode }], subject);
  }

  districtOfficer(districtCode: string, subject?: string): Promise<AuthHeaders> {
    return this.person('districtOfficer', [{ level: 'district', districtCode }], subject);
  }

  /** A buddy official: signs in as the official's own id, and sees the households paired with them. */
  fieldOfficial(officialId: string): Promise<AuthHeaders> {
    return this.person('fieldOfficial', [{ level: 'own-households', officialId }], officialId);
  }

  tambonWelfareOfficer(centreId: string, subject?: string): Promise<AuthHeaders> {
    return this.person('tambonWelfareOfficer', [{ level: 'centre', centreId }], subject);
  }

  ministryAnalyst(subject?: string): Promise<AuthHeaders> {
    return this.person('ministryAnalyst', [{ level: 'nation' }], subject);
  }

  auditor(subject?: string): Promise<AuthHeaders> {
    return this.person('auditor', [{ level: 'nation' }], subject);
  }

  agency(clientId: string, operations: readonly Operation[], areas: readonly AreaScope[]): Promise<AuthHeaders> {
    return this.headersFor({ kind: 'agency', roles: [], areas, operations, subject: clientId, clientId });
  }
}
