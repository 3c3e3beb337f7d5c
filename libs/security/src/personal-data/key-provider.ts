import { KEY_BYTES, open, seal } from './aes-gcm';

/** A data key as stored: sealed under one master key, which a key service or the configuration holds. */
export interface WrappedDataKey {
  readonly masterKeyId: string;
  /** base64 */
  readonly wrapped: string;
}

/**
 * Where the platform's long-lived keys live. The configuration implementation holds them in memory; a KMS
 * implementation would wrap and unwrap remotely (envelope encryption) and never hand out the master key.
 */
export interface KeyProvider {
  /** `context` (the household id) is bound to the wrapped key: it cannot be moved to another household. */
  wrapDataKey(dataKey: Buffer, context: string): Promise<WrappedDataKey>;
  unwrapDataKey(wrapped: WrappedDataKey, context: string): Promise<Buffer>;
  /** The HMAC key of de-duplication lookups, separate from every encryption key. */
  lookupHashKey(): Promise<Buffer>;
}

export interface ConfiguredKeys {
  readonly currentMasterKeyId: string;
  /** The current master key and any retired ones still needed to unwrap keys they wrapped. */
  readonly masterKeys: ReadonlyMap<string, Buffer>;
  readonly lookupHashKey: Buffer;
}

export class KeyConfigError extends Error {
  override readonly name = 'KeyConfigError';
}

export class ConfigKeyProvider implements KeyProvider {
  constructor(private readonly keys: ConfiguredKeys) {
    if (!keys.masterKeys.has(keys.currentMasterKeyId)) throw new KeyConfigError(`master key "${keys.currentMasterKeyId}" is not configured`);
    for (const [id, key] of keys.masterKeys) requireKeyLength(key, `master key "${id}"`);
    requireKeyLength(keys.lookupHashKey, 'lookup hash key');
    if ([...keys.masterKeys.values()].some((key) => key.equals(keys.lookupHashKey))) {
      throw new KeyConfigError('the lookup hash key must differ from every master key');
    }
  }

  async wrapDataKey(dataKey: Buffer, context: string): Promise<WrappedDataKey> {
    const masterKeyId = this.keys.currentMasterKeyId;
    const master = this.keys.masterKeys.get(masterKeyId) as Buffer;
    return { masterKeyId, wrapped: seal(master, dataKey, wrapContext(masterKeyId, context)).toString('base64') };
  }

  async unwrapDataKey(wrapped: WrappedDataKey, context: string): Promise<Buffer> {
    const master = this.keys.masterKeys.get(wrapped.masterKeyId);
    if (!master) throw new KeyConfigError(`master key "${wrapped.masterKeyId}" is not configured`);
    return open(master, Buffer.from(wrapped.wrapped, 'base64'), wrapContext(wrapped.masterKeyId, context));
  }

  async lookupHashKey(): Promise<Buffer> {
    return this.keys.lookupHashKey;
  }
}

function wrapContext(masterKeyId: string, context: string): string {
  return `data-key|${masterKeyId}|${context}`;
}

function requireKeyLength(key: Buffer, what: string): void {
  if (key.length !== KEY_BYTES) throw new KeyConfigError(`${what} must be ${KEY_BYTES} bytes (base64), got ${key.length}`);
}
