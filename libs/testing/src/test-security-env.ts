import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * The sign-in and key settings of one test file's services: a local issuer (a P-256 key, base64 PKCS#8 DER) and
 * keys of its own; `LocalSignIn` of `@khu-siao/security` signs the spec's tokens with the same settings.
 */
export function testSecurityEnv(securityDatabase: string): Record<string, string> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    AUTH_AUDIENCE: 'khu-siao',
    AUTH_LOCAL_ISSUER: 'urn:khu-siao:test-issuer',
    AUTH_LOCAL_ISSUER_KEY: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    SECURITY_MASTER_KEY: randomBytes(32).toString('base64'),
    SECURITY_LOOKUP_HASH_KEY: randomBytes(32).toString('base64'),
    SECURITY_DB: securityDatabase,
  };
}
