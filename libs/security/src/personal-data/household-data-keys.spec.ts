import { randomBytes } from 'node:crypto';
import { createTestContext, type TestContext } from '@khu-siao/testing';
import type { Principal } from '../identity/principal';
import type { FullIdRead } from './full-id-read';
import { DATA_KEYS_COLLECTION, HouseholdDataKeys, HouseholdErasedError } from './household-data-keys';
import { ERASED, FieldDecryptionError, HouseholdFieldCipher, type EncryptedField } from './household-field-cipher';
import { ConfigKeyProvider, type KeyProvider } from './key-provider';
import { NationalIdFormatError, NationalIdProtection } from './national-id-protection';

const newProvider = () =>
  new ConfigKeyProvider({ currentMasterKeyId: 'm1', masterKeys: new Map([['m1', randomBytes(32)]]), lookupHashKey: randomBytes(32) });

/** Counts wraps and unwraps, to see the cache at work. */
function counting(provider: KeyProvider) {
  const calls = { wrap: 0, unwrap: 0 };
  const counted: KeyProvider = {
    wrapDataKey: (key, context) => ((calls.wrap += 1), provider.wrapDataKey(key, context)),
    unwrapDataKey: (wrapped, context) => ((calls.unwrap += 1), provider.unwrapDataKey(wrapped, context)),
    lookupHashKey: () => provider.lookupHashKey(),
  };
  return { counted, calls };
}

describe('household data keys and crypto-shredding', () => {
  let context: TestContext;
  let provider: ConfigKeyProvider;

  beforeAll(async () => {
    context = await createTestContext('data-keys');
    provider = newProvider();
  });
  afterAll(() => context.close());

  it('creates exactly one key when 20 processes create one household\'s key at once', async () => {
    const processes = Array.from({ length: 20 }, () => new HouseholdDataKeys(context.db, provider));
    const keys = await Promise.all(processes.map((keys) => keys.keyForWriting('hh-race')));
    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(1);
    expect(await context.db.collection(DATA_KEYS_COLLECTION).countDocuments({ _id: 'hh-race' as never })).toBe(1);
  });

  it('prepares many keys at once, agreeing with keys made meanwhile by another process and leaving erased ones erased', async () => {
    const ids = Array.from({ length: 60 }, (_, index) => `hh-bulk-${index}`);
    const other = new HouseholdDataKeys(context.db, provider);
    const before = await other.keyForWriting('hh-bulk-3');
    await other.erase('hh-bulk-4');
    const bulk = new HouseholdDataKeys(context.db, provider);
    const racing = other.keyForWriting('hh-bulk-7');
    await bulk.prepareForWriting(ids);
    const [keys, raced] = await Promise.all([Promise.all(ids.filter((id) => id !== 'hh-bulk-4').map((id) => bulk.keyForWriting(id))), racing]);
    expect(await bulk.keyForWriting('hh-bulk-3')).toEqual(before);
    expect(await bulk.keyForWriting('hh-bulk-7')).toEqual(raced);
    await expect(bulk.keyForWriting('hh-bulk-4')).rejects.toBeInstanceOf(HouseholdErasedError);
    const fresh = new HouseholdDataKeys(context.db, provider);
    for (const [index, id] of ids.filter((id) => id !== 'hh-bulk-4').entries()) expect(await fresh.keyForReading(id)).toEqual(keys[index]);
    expect(await context.db.collection(DATA_KEYS_COLLECTION).countDocuments({ _id: { $in: ids } as never })).toBe(60);
  });

  it('stores the key wrapped, never in clear', async () => {
    const keys = new HouseholdDataKeys(context.db, provider);
    const key = await keys.keyForWriting('hh-stored');
    const stored = await context.db.collection(DATA_KEYS_COLLECTION).findOne({ _id: 'hh-stored' as never });
    expect(stored).toMatchObject({ masterKeyId: 'm1', wrapped: expect.any(String) });
    expect(JSON.stringify(stored)).not.toContain(key.toString('base64'));
    expect(Buffer.from(stored?.['wrapped'] as string, 'base64').includes(key)).toBe(false);
  });

  it('caches a key: one wrap on creation, no unwrap while cached', async () => {
    const { counted, calls } = counting(provider);
    const keys = new HouseholdDataKeys(context.db, counted);
    const cipher = new HouseholdFieldCipher(keys);
    const fields = await Promise.all(['สมชาย', 'ใจดี', '99 หมู่ 3'].map((value) => cipher.encryptField('hh-cache', value)));
    for (const field of fields) await cipher.decryptField('hh-cache', field);
    expect(calls).toEqual({ wrap: 1, unwrap: 0 });
    const elsewhere = counting(provider);
    const otherProcess = new HouseholdFieldCipher(new HouseholdDataKeys(context.db, elsewhere.counted));
    expect(await otherProcess.decryptField('hh-cache', fields[0] as EncryptedField)).toBe('สมชาย');
    expect(await otherProcess.decryptField('hh-cache', fields[1] as EncryptedField)).toBe('ใจดี');
    expect(elsewhere.calls).toEqual({ wrap: 0, unwrap: 1 });
  });

  it('encrypts a field so it reads back only for its own household', async () => {
    const cipher = new HouseholdFieldCipher(new HouseholdDataKeys(context.db, provider));
    const field = await cipher.encryptField('hh-a', 'นางสาวมาลี ศรีสุข');
    expect(field).toMatch(/^pd1\.[A-Za-z0-9_-]+$/);
    expect(field).not.toContain('มาลี');
    expect(await cipher.decryptField('hh-a', field)).toBe('นางสาวมาลี ศรีสุข');
    await cipher.encryptField('hh-b', 'x');
    await expect(cipher.decryptField('hh-b', field)).rejects.toBeInstanceOf(FieldDecryptionError);
    // One character of the middle changed (the last ones may carry only padding bits, so their change may be none).
    const middle = Math.floor(field.length / 2);
    const tampered = `${field.slice(0, middle)}${field[middle] === 'A' ? 'B' : 'A'}${field.slice(middle + 1)}`;
    await expect(cipher.decryptField('hh-a', tampered as EncryptedField)).rejects.toThrow(FieldDecryptionError);
  });

  it('reads every field of an erased household as erased, in this process and in a fresh one, without throwing', async () => {
    const keys = new HouseholdDataKeys(context.db, provider);
    const cipher = new HouseholdFieldCipher(keys);
    const name = await cipher.encryptField('hh-erased', 'นายสมชาย ใจดี');
    const id = await cipher.encryptField('hh-erased', '1101700230708');
    await keys.erase('hh-erased');
    expect(await cipher.decryptField('hh-erased', name)).toBe(ERASED);
    expect(await cipher.decryptField('hh-erased', id)).toEqual({ erased: true });
    const fresh = new HouseholdFieldCipher(new HouseholdDataKeys(context.db, provider));
    expect(await fresh.decryptField('hh-erased', name)).toBe(ERASED);
    const tombstone = await context.db.collection(DATA_KEYS_COLLECTION).findOne({ _id: 'hh-erased' as never });
    expect(Object.keys(tombstone ?? {}).sort()).toEqual(['_id', 'erasedAt']);
    expect(await keys.isErased('hh-erased')).toBe(true);
  });

  it('refuses to write personal data of an erased household again, and erases idempotently', async () => {
    const keys = new HouseholdDataKeys(context.db, provider);
    const cipher = new HouseholdFieldCipher(keys);
    await cipher.encryptField('hh-gone', 'x');
    await keys.erase('hh-gone');
    await keys.erase('hh-gone');
    await expect(cipher.encryptField('hh-gone', 'y')).rejects.toBeInstanceOf(HouseholdErasedError);
    await expect(new HouseholdDataKeys(context.db, provider).keyForWriting('hh-gone')).rejects.toBeInstanceOf(HouseholdErasedError);
  });

  it('erases a household that never had a key, so none is ever made for it', async () => {
    const keys = new HouseholdDataKeys(context.db, provider);
    await keys.erase('hh-never');
    await expect(keys.keyForWriting('hh-never')).rejects.toBeInstanceOf(HouseholdErasedError);
  });

  it('lets another process notice an erasure once its cached key is evicted or lapses', async () => {
    const writer = new HouseholdDataKeys(context.db, provider);
    let now = Date.parse('2026-11-23T08:00:00Z');
    const reader = new HouseholdDataKeys(context.db, provider, { cacheTtlMs: 50, now: () => new Date(now) });
    const field = await new HouseholdFieldCipher(writer).encryptField('hh-lapse', 'ใจดี');
    const readerCipher = new HouseholdFieldCipher(reader);
    expect(await readerCipher.decryptField('hh-lapse', field)).toBe('ใจดี');
    await writer.erase('hh-lapse');
    now += 60;
    expect(await readerCipher.decryptField('hh-lapse', field)).toBe(ERASED);
  });
});

describe('national IDs at rest', () => {
  let context: TestContext;
  let protection: NationalIdProtection;
  let keys: HouseholdDataKeys;
  const reader: Principal = { subject: 'officer-4001', kind: 'person', roles: ['districtOfficer'], areas: [{ level: 'district', districtCode: '4001' }], clientId: 'web' };

  beforeAll(async () => {
    context = await createTestContext('national-ids');
    const provider = newProvider();
    keys = new HouseholdDataKeys(context.db, provider);
    protection = await NationalIdProtection.create(new HouseholdFieldCipher(keys), provider);
  });
  afterAll(() => context.close());

  it('finds the same ID again by its keyed hash, which differs under another key', async () => {
    const hash = protection.lookupHash('1101700230708');
    expect(hash).toMatch(/^nid1\.[A-Za-z0-9_-]{43}$/);
    expect(protection.lookupHash('1101700230708')).toBe(hash);
    expect(protection.lookupHash('3400100123458')).not.toBe(hash);
    const other = await NationalIdProtection.create(new HouseholdFieldCipher(keys), newProvider());
    expect(other.lookupHash('1101700230708')).not.toBe(hash);
  });

  it('stores it encrypted and shows it masked', async () => {
    const encrypted = await protection.encrypt('hh-id', '1101700230708');
    expect(encrypted).not.toContain('1101700230708');
    expect(await protection.masked('hh-id', encrypted)).toBe('xxxxxxxxx0708');
  });

  it('shows it in full only after recording who, when, which household and why', async () => {
    const encrypted = await protection.encrypt('hh-full', '3400100123458');
    const recorded: FullIdRead[] = [];
    const now = new Date('2026-11-23T08:00:00Z');
    const full = await protection.reveal(
      encrypted,
      { reader, householdId: 'hh-full', memberId: 'm-1', purpose: 'identity check before paying a family grant', correlationId: 'corr-9' },
      { record: async (read) => void recorded.push(read) },
      now,
    );
    expect(full).toBe('3400100123458');
    expect(recorded).toEqual([
      {
        readId: expect.any(String),
        readAt: '2026-11-23T08:00:00.000Z',
        reader: { subject: 'officer-4001', kind: 'person', clientId: 'web', roles: ['districtOfficer'] },
        householdId: 'hh-full',
        memberId: 'm-1',
        purpose: 'identity check before paying a family grant',
        correlationId: 'corr-9',
      },
    ]);
    expect(JSON.stringify(recorded)).not.toContain('3400100123458');
  });

  it('shows nothing when the read cannot be recorded or has no purpose', async () => {
    const encrypted = await protection.encrypt('hh-unrecorded', '3400100123458');
    const failing = { record: () => Promise.reject(new Error('audit store down')) };
    await expect(protection.reveal(encrypted, { reader, householdId: 'hh-unrecorded', purpose: 'check' }, failing)).rejects.toThrow('audit store down');
    const never = { record: jest.fn(async () => undefined) };
    await expect(protection.reveal(encrypted, { reader, householdId: 'hh-unrecorded', purpose: '  ' }, never)).rejects.toThrow('purpose');
    expect(never.record).not.toHaveBeenCalled();
  });

  it('reads as erased once the household is erased, masked or in full', async () => {
    const encrypted = await protection.encrypt('hh-id-erased', '1101700230708');
    await keys.erase('hh-id-erased');
    expect(await protection.masked('hh-id-erased', encrypted)).toBe(ERASED);
    const log = { record: async () => undefined };
    expect(await protection.reveal(encrypted, { reader, householdId: 'hh-id-erased', purpose: 'audit request' }, log)).toBe(ERASED);
  });

  it('refuses what is not a 13-digit ID without echoing it', async () => {
    expect(() => protection.lookupHash('1101-70023-0708')).toThrow(new NationalIdFormatError());
    await expect(protection.encrypt('hh-x', 'Somchai 1101700230708')).rejects.toThrow('a national ID must be 13 digits');
  });
});
