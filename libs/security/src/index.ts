export { roles, type Role, type AreaScope, type AreaLevel, type Principal } from './identity/principal';
export { principalFromClaims, claimsOfPrincipal, type PrincipalClaims } from './identity/principal-claims';
export { AuthenticationError, IdentityProviderUnavailableError, type AuthenticationFailure } from './identity/authentication-error';
export { TokenVerifier, type TokenVerifierOptions, type TrustedIssuer } from './identity/token-verifier';
export { LocalIssuer, generateLocalIssuerKey, type IssueOptions } from './identity/local-issuer';
export { LocalSignIn, type AuthHeaders, type LocalAccount } from './identity/local-sign-in';

export { operations, isOperation, type Operation } from './policy/operations';
export { accessRules, roleScopeLevels, agencyScopeLevels, type AccessRule, type Reach } from './policy/access-rules';
export { scopeCovers, type ResourceArea } from './policy/resource-area';
export { authorize, type Decision } from './policy/authorize';

export { AgencyClients, UnknownAgencyClientError, InvalidAgencyRegistrationError, AGENCY_CLIENTS_COLLECTION } from './agencies/agency-clients';
export type { AgencyClient, AgencyRegistration, IssuedSecret } from './agencies/agency-clients';
export { ClientCredentialsGrant, clientCredentialsFromBasic } from './agencies/client-credentials-grant';
export type { AccessTokenSigner, ClientCredentialsRequest, TokenResponse } from './agencies/client-credentials-grant';

export { ConfigKeyProvider, KeyConfigError, type KeyProvider, type WrappedDataKey, type ConfiguredKeys } from './personal-data/key-provider';
export { HouseholdDataKeys, HouseholdErasedError, DATA_KEYS_COLLECTION, type HouseholdDataKeysOptions } from './personal-data/household-data-keys';
export { HouseholdFieldCipher, FieldDecryptionError, ERASED, isErased, isEncryptedField } from './personal-data/household-field-cipher';
export type { EncryptedField, ErasedField } from './personal-data/household-field-cipher';
export { NationalIdProtection, NationalIdFormatError, type NationalIdLookupHash } from './personal-data/national-id-protection';
export { maskNationalId } from './personal-data/national-id-masking';
export { fullIdRead, MissingPurposeError, type FullIdRead, type FullIdReadLog, type FullIdReadRequest } from './personal-data/full-id-read';
export { MongoFullIdReadLog, FULL_ID_READS_COLLECTION } from './personal-data/full-id-read-log';

export { readSecurityConfig, type SecurityConfig, type IdentityConfig } from './security-config';
export { createSecurityServices, type SecurityServices, type SecurityServicesOptions } from './security-services';
