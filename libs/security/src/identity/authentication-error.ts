/** Why a bearer token was refused; never any part of the token. */
export type AuthenticationFailure =
  | 'missing'
  | 'malformed'
  | 'untrusted-issuer'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'bad-signature'
  | 'unknown-key'
  | 'algorithm-not-allowed'
  | 'invalid-claims';

/** Answered as 401 with `WWW-Authenticate: Bearer error="invalid_token"` (or no error for `missing`). */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  readonly status = 401;
  constructor(readonly failure: AuthenticationFailure) {
    super(`bearer token refused: ${failure}`);
  }
}

/** The identity provider's keys could not be fetched: the caller is not at fault (503). */
export class IdentityProviderUnavailableError extends Error {
  override readonly name = 'IdentityProviderUnavailableError';
  readonly status = 503;
  constructor(readonly issuer: string) {
    super(`the keys of issuer ${issuer} could not be fetched`);
  }
}
