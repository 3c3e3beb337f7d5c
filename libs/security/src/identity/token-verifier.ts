import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { AuthenticationError, IdentityProviderUnavailableError, type AuthenticationFailure } from './authentication-error';
import type { Principal } from './principal';
import { principalFromClaims } from './principal-claims';

/** An issuer whose tokens are accepted: a real OIDC provider (its JWKS address) or the local issuer (its key set). */
export interface TrustedIssuer {
  readonly issuer: string;
  readonly jwks: URL | JSONWebKeySet;
}

export interface TokenVerifierOptions {
  readonly issuers: readonly TrustedIssuer[];
  readonly audience: string;
  readonly algorithms?: readonly string[];
  readonly clockToleranceSeconds?: number;
  readonly now?: () => Date;
}

/**
 * Verifies bearer JWTs as an OIDC resource server does: a trusted issuer, this audience, a signature by one of the
 * issuer's published keys, and a current `exp` (required) and `nbf`; then reads the principal from the claims.
 */
export class TokenVerifier {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();
  private readonly algorithms: string[];

  constructor(private readonly options: TokenVerifierOptions) {
    for (const { issuer, jwks } of options.issuers) {
      this.keySets.set(issuer, jwks instanceof URL ? createRemoteJWKSet(jwks, { cacheMaxAge: 10 * 60_000, timeoutDuration: 5_000 }) : createLocalJWKSet(jwks));
    }
    this.algorithms = [...(options.algorithms ?? ['ES256', 'RS256', 'PS256', 'EdDSA'])];
  }

  /** From an `Authorization` header value. */
  verifyAuthorization(header: string | undefined): Promise<Principal> {
    const match = /^Bearer ([A-Za-z0-9_.~+/-]+=*)$/i.exec(header?.trim() ?? '');
    if (!header?.trim()) return Promise.reject(new AuthenticationError('missing'));
    if (!match) return Promise.reject(new AuthenticationError('malformed'));
    return this.verify(match[1] as string);
  }

  async verify(token: string): Promise<Principal> {
    const issuer = unverifiedIssuer(token);
    const keySet = issuer === undefined ? undefined : this.keySets.get(issuer);
    if (!issuer || !keySet) throw new AuthenticationError('untrusted-issuer');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer,
        audience: this.options.audience,
        algorithms: this.algorithms,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        currentDate: this.options.now?.(),
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw translate(error, issuer);
    }
    const principal = principalFromClaims(payload);
    if (!principal) throw new AuthenticationError('invalid-claims');
    return principal;
  }
}

function unverifiedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    throw new AuthenticationError('malformed');
  }
}

const failureByCode: Record<string, AuthenticationFailure> = {
  ERR_JWT_EXPIRED: 'expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'bad-signature',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown-key',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'unknown-key',
  ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm-not-allowed',
  ERR_JOSE_NOT_SUPPORTED: 'algorithm-not-allowed',
  ERR_JWS_INVALID: 'malformed',
  ERR_JWT_INVALID: 'malformed',
};

const failureByClaim: Record<string, AuthenticationFailure> = { iss: 'untrusted-issuer', aud: 'wrong-audience', nbf: 'not-yet-valid' };

function translate(error: unknown, issuer: string): Error {
  const { code, claim } = (error ?? {}) as { code?: string; claim?: string };
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return new AuthenticationError(failureByClaim[claim ?? ''] ?? 'invalid-claims');
  if (code && failureByCode[code]) return new AuthenticationError(failureByCode[code]);
  // The key set could not be fetched or read: the identity provider's fault, not the caller's.
  return new IdentityProviderUnavailableError(issuer);
}
