import { randomBytes } from 'node:crypto';
import { open, seal } from './aes-gcm';
import { ConfigKeyProvider, KeyConfigError } from './key-provider';

const keys = () => ({ current: randomBytes(32), retired: randomBytes(32), lookup: randomBytes(32) });

describe('AES-256-GCM sealing', () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const key = randomBytes(32);
    const first = seal(key, Buffer.from('นายสมชาย ใจดี'), 'ctx');
    const second = seal(key, Buffer.from('นายสมชาย ใจดี'), 'ctx');
    expect(first.equals(second)).toBe(false);
    expect(open(key, first, 'ctx').toString()).toBe('นายสมชาย ใจดี');
  });

  it('refuses another key, another context or a changed byte', () => {
    const key = randomBytes(32);
    const sealed = seal(key, Buffer.from('secret'), 'ctx');
    expect(() => open(randomBytes(32), sealed, 'ctx')).toThrow();
    expect(() => open(key, sealed, 'other')).toThrow();
    const changed = Buffer.from(sealed);
    changed[changed.length - 1] = (changed[changed.length - 1] as number) ^ 1;
    expect(() => open(key, changed, 'ctx')).toThrow();
  });
});

describe('the configuration key provider', () => {
  it('wraps a data key for one household only', async () => {
    const { current, lookup } = keys();
    const provider = new ConfigKeyProvider({ currentMasterKeyId: 'm1', masterKeys: new Map([['m1', current]]), lookupHashKey: lookup });
    const dataKey = randomBytes(32);
    const wrapped = await provider.wrapDataKey(dataKey, 'hh-1');
    expect(wrapped.masterKeyId).toBe('m1');
    expect(Buffer.from(wrapped.wrapped, 'base64').includes(dataKey)).toBe(false);
    expect((await provider.unwrapDataKey(wrapped, 'hh-1')).equals(dataKey)).toBe(true);
    await expect(provider.unwrapDataKey(wrapped, 'hh-2')).rejects.toThrow();
  });

  it('unwraps keys wrapped under a retired master key, and wraps new ones under the current one', async () => {
    const { current, retired, lookup } = keys();
    const before = new ConfigKeyProvider({ currentMasterKeyId: 'm1', masterKeys: new Map([['m1', retired]]), lookupHashKey: lookup });
    const after = new ConfigKeyProvider({ currentMasterKeyId: 'm2', masterKeys: new Map([['m2', current], ['m1', retired]]), lookupHashKey: lookup });
    const dataKey = randomBytes(32);
    const old = await before.wrapDataKey(dataKey, 'hh-1');
    expect((await after.unwrapDataKey(old, 'hh-1')).equals(dataKey)).toBe(true);
    expect((await after.wrapDataKey(dataKey, 'hh-1')).masterKeyId).toBe('m2');
  });

  it('refuses keys of the wrong length, a missing current key and a lookup key equal to a master key', () => {
    const { current, lookup } = keys();
    expect(() => new ConfigKeyProvider({ currentMasterKeyId: 'm1', masterKeys: new Map([['m1', randomBytes(16)]]), lookupHashKey: lookup })).toThrow(KeyConfigError);
    expect(() => new ConfigKeyProvider({ currentMasterKeyId: 'm2', masterKeys: new Map([['m1', current]]), lookupHashKey: lookup })).toThrow(KeyConfigError);
    expect(() => new ConfigKeyProvider({ currentMasterKeyId: 'm1', masterKeys: new Map([['m1', current]]), lookupHashKey: current })).toThrow(KeyConfigError);
  });
});
