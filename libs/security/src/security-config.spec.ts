import { randomBytes } from 'node:crypto';
import { KeyConfigError } from './personal-data/key-provider';
import { readSecurityConfig } from './security-config';

const master = randomBytes(32).toString('base64');
const lookup = randomBytes(32).toString('base64');
const base = {
  AUTH_AUDIENCE: 'khu-siao',
  AUTH_LOCAL_ISSUER_KEY: 'a2V5',
  SECURITY_MASTER_KEY: master,
  SECURITY_LOOKUP_HASH_KEY: lookup,
};

describe('the security configuration', () => {
  it('reads the local issuer and the keys from the environment', () => {
    const config = readSecurityConfig(base);
    expect(config.identity).toEqual({ audience: 'khu-siao', provider: undefined, local: { issuer: 'urn:khu-siao:local-issuer', key: 'a2V5' }, tokenTtlSeconds: 900 });
    expect(config.keys.currentMasterKeyId).toBe('master-1');
    expect(config.keys.masterKeys.get('master-1')?.toString('base64')).toBe(master);
    expect(config.keys.lookupHashKey.toString('base64')).toBe(lookup);
  });

  it('reads a real identity provider, with or without the local issuer', () => {
    const provider = { AUTH_ISSUER: 'https://idp.example/realms/khon-kaen', AUTH_JWKS_URL: 'https://idp.example/realms/khon-kaen/certs' };
    const both = readSecurityConfig({ ...base, ...provider });
    expect(both.identity.provider).toEqual({ issuer: provider.AUTH_ISSUER, jwksUrl: new URL(provider.AUTH_JWKS_URL) });
    expect(both.identity.local?.issuer).toBe('urn:khu-siao:local-issuer');
    expect(readSecurityConfig({ ...base, ...provider, AUTH_LOCAL_ISSUER_KEY: undefined }).identity.local).toBeUndefined();
    expect(() => readSecurityConfig({ ...base, AUTH_ISSUER: provider.AUTH_ISSUER })).toThrow('AUTH_ISSUER and AUTH_JWKS_URL are set together or not at all');
    expect(() => readSecurityConfig({ ...base, ...provider, AUTH_LOCAL_ISSUER: provider.AUTH_ISSUER })).toThrow(KeyConfigError);
  });

  it('reads a key from the file NAME_FILE names, and retired master keys', () => {
    const retired = randomBytes(32).toString('base64');
    const files: Record<string, string> = { '/run/secrets/master': `${master}\n` };
    const config = readSecurityConfig(
      { ...base, SECURITY_MASTER_KEY: undefined, SECURITY_MASTER_KEY_FILE: '/run/secrets/master', SECURITY_MASTER_KEY_ID: 'm2', SECURITY_RETIRED_MASTER_KEYS: `m1:${retired}` },
      (path) => files[path] as string,
    );
    expect(config.keys.currentMasterKeyId).toBe('m2');
    expect(config.keys.masterKeys.get('m2')?.toString('base64')).toBe(master);
    expect(config.keys.masterKeys.get('m1')?.toString('base64')).toBe(retired);
  });

  it('names what is missing or malformed, never a value', () => {
    expect(() => readSecurityConfig({ ...base, SECURITY_MASTER_KEY: undefined })).toThrow('SECURITY_MASTER_KEY (or SECURITY_MASTER_KEY_FILE) must be set');
    expect(() => readSecurityConfig({ ...base, AUTH_LOCAL_ISSUER_KEY: undefined })).toThrow(KeyConfigError);
    expect(() => readSecurityConfig({ ...base, AUTH_AUDIENCE: undefined })).toThrow('AUTH_AUDIENCE must be set');
    expect(() => readSecurityConfig({ ...base, SECURITY_LOOKUP_HASH_KEY: 'not base64!' })).toThrow(/^SECURITY_LOOKUP_HASH_KEY must be base64$/);
  });
});
