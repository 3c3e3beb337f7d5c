import { readFileSync } from 'node:fs';
import { KeyConfigError, type ConfiguredKeys } from './personal-data/key-provider';

/**
 * Whose tokens are trusted: a real OIDC provider (its issuer and JWKS address), the local issuer (its signing key),
 * or both. The local issuer serves development and tests and signs the tokens of agencies' client credentials.
 */
export interface IdentityConfig {
  readonly audience: string;
  readonly provider?: { readonly issuer: string; readonly jwksUrl: URL };
  /** `key`: base64 PKCS#8 (DER) of a P-256 key. */
  readonly local?: { readonly issuer: string; readonly key: string };
  readonly tokenTtlSeconds: number;
}

export interface SecurityConfig {
  readonly identity: IdentityConfig;
  readonly keys: ConfiguredKeys;
}

type ReadFile = (path: string) => string;

/**
 * Read once at start, like the service config. Every secret comes as base64 either in `NAME` or in the file named
 * by `NAME_FILE` (mounted secrets); messages name the variable, never its value.
 */
export function readSecurityConfig(
  env: NodeJS.ProcessEnv = process.env,
  readFile: ReadFile = (path) => readFileSync(path, 'utf8'),
): SecurityConfig {
  const plain = (name: string) => env[name]?.trim() || undefined;
  const secret = (name: string): string | undefined => {
    const file = plain(`${name}_FILE`);
    return file ? readFile(file).trim() : plain(name);
  };
  const requiredSecret = (name: string) => {
    const value = secret(name);
    if (!value) throw new KeyConfigError(`${name} (or ${name}_FILE) must be set`);
    return value;
  };
  const key = (name: string, value: string) => {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) throw new KeyConfigError(`${name} must be base64`);
    return Buffer.from(value, 'base64');
  };

  const currentMasterKeyId = plain('SECURITY_MASTER_KEY_ID') ?? 'master-1';
  const masterKeys = new Map<string, Buffer>([[currentMasterKeyId, key('SECURITY_MASTER_KEY', requiredSecret('SECURITY_MASTER_KEY'))]]);
  for (const entry of (secret('SECURITY_RETIRED_MASTER_KEYS') ?? '').split(',').filter((item) => item.trim())) {
    const [id, value] = entry.trim().split(':');
    if (!id || !value) throw new KeyConfigError('SECURITY_RETIRED_MASTER_KEYS must be a list of id:base64');
    masterKeys.set(id, key(`SECURITY_RETIRED_MASTER_KEYS (${id})`, value));
  }

  const audience = plain('AUTH_AUDIENCE');
  if (!audience) throw new KeyConfigError('AUTH_AUDIENCE must be set');
  const issuer = plain('AUTH_ISSUER');
  const jwksUrl = plain('AUTH_JWKS_URL');
  if (Boolean(issuer) !== Boolean(jwksUrl)) throw new KeyConfigError('AUTH_ISSUER and AUTH_JWKS_URL are set together or not at all');
  const localKey = secret('AUTH_LOCAL_ISSUER_KEY');
  if (!jwksUrl && !localKey) throw new KeyConfigError('an identity provider (AUTH_ISSUER, AUTH_JWKS_URL) or AUTH_LOCAL_ISSUER_KEY must be set');
  const localIssuer = plain('AUTH_LOCAL_ISSUER') ?? 'urn:khu-siao:local-issuer';
  if (localKey && localIssuer === issuer) throw new KeyConfigError('AUTH_LOCAL_ISSUER must differ from AUTH_ISSUER');
  const ttl = Number(plain('AUTH_TOKEN_TTL_SECONDS') ?? 900);
  if (!Number.isInteger(ttl) || ttl <= 0) throw new KeyConfigError('AUTH_TOKEN_TTL_SECONDS must be a positive whole number');

  return {
    identity: {
      audience,
      provider: issuer && jwksUrl ? { issuer, jwksUrl: new URL(jwksUrl) } : undefined,
      local: localKey ? { issuer: localIssuer, key: localKey } : undefined,
      tokenTtlSeconds: ttl,
    },
    keys: { currentMasterKeyId, masterKeys, lookupHashKey: key('SECURITY_LOOKUP_HASH_KEY', requiredSecret('SECURITY_LOOKUP_HASH_KEY')) },
  };
}
