import type { Db } from 'mongodb';
import { AgencyClients } from './agencies/agency-clients';
import { ClientCredentialsGrant } from './agencies/client-credentials-grant';
import { LocalIssuer } from './identity/local-issuer';
import { TokenVerifier, type TrustedIssuer } from './identity/token-verifier';
import { MongoFullIdReadLog } from './personal-data/full-id-read-log';
import { HouseholdDataKeys, type HouseholdDataKeysOptions } from './personal-data/household-data-keys';
import { HouseholdFieldCipher } from './personal-data/household-field-cipher';
import { ConfigKeyProvider, type KeyProvider } from './personal-data/key-provider';
import { NationalIdProtection } from './personal-data/national-id-protection';
import type { SecurityConfig } from './security-config';

/** Everything a service needs from this library, built once at start from the configuration and its database. */
export interface SecurityServices {
  readonly verifier: TokenVerifier;
  /** Present when the configuration holds a local issuer key. */
  readonly localIssuer?: LocalIssuer;
  /** The token endpoint logic for agencies; present with the local issuer, which signs their tokens. */
  readonly clientCredentials?: ClientCredentialsGrant;
  readonly agencyClients: AgencyClients;
  readonly dataKeys: HouseholdDataKeys;
  readonly fieldCipher: HouseholdFieldCipher;
  readonly nationalIds: NationalIdProtection;
  readonly fullIdReads: MongoFullIdReadLog;
}

export interface SecurityServicesOptions {
  /** A key service in place of the configured keys. */
  readonly keyProvider?: KeyProvider;
  readonly dataKeys?: HouseholdDataKeysOptions;
  readonly agencyTokenTtlSeconds?: number;
}

export async function createSecurityServices(config: SecurityConfig, db: Db, options: SecurityServicesOptions = {}): Promise<SecurityServices> {
  const { identity } = config;
  const localIssuer = identity.local
    ? await LocalIssuer.fromConfig({ issuer: identity.local.issuer, audience: identity.audience, privateKey: identity.local.key, tokenTtlSeconds: identity.tokenTtlSeconds })
    : undefined;
  const issuers: TrustedIssuer[] = [
    ...(identity.provider ? [{ issuer: identity.provider.issuer, jwks: identity.provider.jwksUrl }] : []),
    ...(localIssuer ? [{ issuer: localIssuer.issuer, jwks: localIssuer.jwks() }] : []),
  ];
  const keyProvider = options.keyProvider ?? new ConfigKeyProvider(config.keys);
  const dataKeys = new HouseholdDataKeys(db, keyProvider, options.dataKeys);
  const fieldCipher = new HouseholdFieldCipher(dataKeys);
  const agencyClients = new AgencyClients(db);
  return {
    verifier: new TokenVerifier({ issuers, audience: identity.audience }),
    localIssuer,
    clientCredentials: localIssuer ? new ClientCredentialsGrant(agencyClients, localIssuer, { tokenTtlSeconds: options.agencyTokenTtlSeconds }) : undefined,
    agencyClients,
    dataKeys,
    fieldCipher,
    nationalIds: await NationalIdProtection.create(fieldCipher, keyProvider),
    fullIdReads: new MongoFullIdReadLog(db),
  };
}
