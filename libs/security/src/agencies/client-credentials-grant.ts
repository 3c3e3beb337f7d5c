import type { Principal } from '../identity/principal';
import { isOperation, type Operation } from '../policy/operations';
import type { AgencyClients } from './agency-clients';

/** What signs the agency's access token: the local issuer, or anything with the same shape. */
export interface AccessTokenSigner {
  issue(principal: Principal, options: { ttlSeconds: number }): Promise<string>;
}

/** The token request of RFC 6749 §4.4, already taken from the form body and/or the Basic authorization header. */
export interface ClientCredentialsRequest {
  readonly grantType?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Space-separated operations: a subset of the MOU; absent means all of it. */
  readonly scope?: string;
}

export type TokenResponse =
  | { readonly status: 200; readonly body: { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string } }
  | {
      readonly status: 400 | 401;
      readonly body: { error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope'; error_description: string };
    };

/** The logic of the token endpoint for agencies; the HTTP edge only parses the request and writes the response. */
export class ClientCredentialsGrant {
  constructor(
    private readonly clients: AgencyClients,
    private readonly signer: AccessTokenSigner,
    private readonly options: { tokenTtlSeconds?: number } = {},
  ) {}

  async exchange(request: ClientCredentialsRequest): Promise<TokenResponse> {
    if (request.grantType !== 'client_credentials') {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'only client_credentials is supported' } };
    }
    if (!request.clientId || !request.clientSecret) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'client_id and client_secret are required' } };
    }
    const client = await this.clients.authenticate(request.clientId, request.clientSecret);
    // One answer for an unknown client, a wrong secret and a revoked client: nothing to learn by probing.
    if (!client) return { status: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' } };
    const requested = request.scope?.split(' ').filter(Boolean);
    const operations: Operation[] = requested ? [] : [...client.operations];
    for (const name of requested ?? []) {
      if (!isOperation(name) || !client.operations.includes(name)) {
        return { status: 400, body: { error: 'invalid_scope', error_description: 'a requested operation is not covered by the MOU' } };
      }
      operations.push(name);
    }
    const ttlSeconds = this.options.tokenTtlSeconds ?? 300;
    const accessToken = await this.signer.issue(
      { subject: client.clientId, kind: 'agency', roles: [], areas: client.areas, clientId: client.clientId, operations },
      { ttlSeconds },
    );
    return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: ttlSeconds, scope: operations.join(' ') } };
  }
}

/** `Authorization: Basic base64(urlencoded id : urlencoded secret)` (RFC 6749 §2.3.1); undefined if absent or malformed. */
export function clientCredentialsFromBasic(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  try {
    return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
