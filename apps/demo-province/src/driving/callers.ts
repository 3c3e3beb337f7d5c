import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';

/** How long a token is used before a fresh one is signed: `LocalSignIn` signs them for an hour. */
const reuseForMs = 50 * 60_000;

/**
 * The people the demo province acts as, each with the role the access rules ask for the operation (district officers
 * register, assess and pair in their district; a centre's tambon welfare officer awards and pays its grants; the
 * provincial administrator sets up programmes, budgets, centres and officials; a buddy logs their own visits).
 * Signed in with the platform's local issuer key (`AUTH_LOCAL_ISSUER_KEY`, `AUTH_AUDIENCE`): a deployment with a
 * real identity provider gives the loader a client of its own instead. Each token is kept and reused until close
 * to its expiry, so the thousands of calls sign a handful of tokens.
 */
export class Callers {
  private readonly signIn: LocalSignIn;
  private readonly tokens = new Map<string, { headers: Promise<AuthHeaders>; signedAt: number }>();

  constructor(env: Readonly<Record<string, string | undefined>>) {
    const { AUTH_AUDIENCE, AUTH_LOCAL_ISSUER_KEY, AUTH_LOCAL_ISSUER } = env;
    if (!AUTH_AUDIENCE || !AUTH_LOCAL_ISSUER_KEY) throw new Error('AUTH_AUDIENCE and AUTH_LOCAL_ISSUER_KEY must be set to sign in');
    this.signIn = new LocalSignIn({ AUTH_AUDIENCE, AUTH_LOCAL_ISSUER_KEY, ...(AUTH_LOCAL_ISSUER ? { AUTH_LOCAL_ISSUER } : {}) });
  }

  provincialAdministrator(provinceCode = '40'): Promise<AuthHeaders> {
    return this.cached(`province:${provinceCode}`, () => this.signIn.provincialAdministrator(provinceCode, `demo-province-administrator-${provinceCode}`));
  }

  districtOfficer(districtCode: string): Promise<AuthHeaders> {
    return this.cached(`district:${districtCode}`, () => this.signIn.districtOfficer(districtCode, `demo-district-officer-${districtCode}`));
  }

  tambonWelfareOfficer(centreId: string): Promise<AuthHeaders> {
    return this.cached(`centre:${centreId}`, () => this.signIn.tambonWelfareOfficer(centreId, `demo-welfare-officer-${centreId}`));
  }

  fieldOfficial(officialId: string): Promise<AuthHeaders> {
    return this.cached(`official:${officialId}`, () => this.signIn.fieldOfficial(officialId));
  }

  private cached(key: string, sign: () => Promise<AuthHeaders>): Promise<AuthHeaders> {
    const kept = this.tokens.get(key);
    if (kept && Date.now() - kept.signedAt < reuseForMs) return kept.headers;
    const headers = sign();
    this.tokens.set(key, { headers, signedAt: Date.now() });
    headers.catch(() => this.tokens.delete(key));
    return headers;
  }
}
