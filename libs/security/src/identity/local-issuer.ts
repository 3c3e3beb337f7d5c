import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, importPKCS8, SignJWT, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import type { Principal } from './principal';
import { claimsOfPrincipal } from './principal-claims';

const ALGORITHM = 'ES256';

/** A new local issuer key: base64 PKCS#8 (DER) of a P-256 key, for `AUTH_LOCAL_ISSUER_KEY`. */
export function generateLocalIssuerKey(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

export interface IssueOptions {
  readonly ttlSeconds?: number;
  readonly now?: Date;
  /** Tests only: an audience other than the issuer's. */
  readonly audience?: string;
}

/**
 * Signs tokens for development, tests and agency client credentials, with a key from configuration. It publishes
 * its JWKS like any OIDC provider, so its tokens are verified by the same `TokenVerifier` path as a real IdP's.
 */
export class LocalIssuer {
  private constructor(
    readonly issuer: string,
    readonly audience: string,
    private readonly signingKey: CryptoKey,
    private readonly publicJwk: JWK,
    private readonly defaultTtlSeconds: number,
  ) {}

  static async fromConfig(options: { issuer: string; audience: string; privateKey: string; tokenTtlSeconds?: number }): Promise<LocalIssuer> {
    let keyObject: KeyObject;
    try {
      keyObject = createPrivateKey({ key: Buffer.from(options.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    } catch {
      throw new Error('the local issuer key must be base64 PKCS#8 DER');
    }
    if (keyObject.asymmetricKeyType !== 'ec' || keyObject.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new Error('the local issuer key must be a P-256 EC key (ES256)');
    }
    const pem = keyObject.export({ format: 'pem', type: 'pkcs8' }).toString();
    const signingKey = await importPKCS8(pem, ALGORITHM);
    const jwk = createPublicKey(keyObject).export({ format: 'jwk' }) as JWK;
    const publicJwk: JWK = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: ALGORITHM, use: 'sig' };
    return new LocalIssuer(options.issuer, options.audience, signingKey, publicJwk, options.tokenTtlSeconds ?? 900);
  }

  /** What `/.well-known/jwks.json` serves. */
  jwks(): JSONWebKeySet {
    return { keys: [{ ...this.publicJwk }] };
  }

  /** A signed access token for the principal, valid for `ttlSeconds` (15 minutes unless given). */
  issue(principal: Principal, options: IssueOptions = {}): Promise<string> {
    const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
    return new SignJWT({ ...claimsOfPrincipal(principal) })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.publicJwk.kid as string, typ: 'at+jwt' })
      .setIssuer(this.issuer)
      .setAudience(options.audience ?? this.audience)
      .setSubject(principal.subject)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + (options.ttlSeconds ?? this.defaultTtlSeconds))
      .setJti(randomUUID())
      .sign(this.signingKey);
  }
}
