import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { accessRules, LocalSignIn, roles, type AuthHeaders, type LocalAccount, type Operation, type Role } from '@khu-siao/security';
import { SignInThrottle } from './sign-in-throttle';

/**
 * The development platform's sign-in. A person signs in with a user name and password from `DASHBOARD_ACCOUNTS_FILE`
 * (one account per role, with passwords made at each platform start), and the dashboard signs their token with the
 * platform's local issuer key. A deployment replaces all of this with its OIDC provider (authorization code flow):
 * the session would then keep the provider's token instead of minting one, and no password would reach this server.
 */
export type DashboardAccount = LocalAccount;

export function loadAccounts(file: string | undefined): DashboardAccount[] {
  if (!file) return [];
  const accounts = JSON.parse(readFileSync(file, 'utf8')) as DashboardAccount[];
  for (const account of accounts) {
    const valid =
      typeof account.username === 'string' &&
      typeof account.password === 'string' &&
      account.password.length >= 12 &&
      (roles as readonly string[]).includes(account.role) &&
      Array.isArray(account.areas) &&
      typeof account.subject === 'string';
    // The message names the file, never a password.
    if (!valid) throw new Error(`${file}: every account needs a username, a password of 12 characters or more, a role, areas and a subject`);
  }
  return accounts;
}

/** What the page may know of who is signed in. */
export interface SignedIn {
  readonly username: string;
  readonly role: Role;
  readonly description: string;
  /** The case pages (names, masked IDs) are for roles the access rules let read households; the lists of an area's cases for those that may search them. */
  readonly mayReadCases: boolean;
  readonly mayListCases: boolean;
  /** The area figures and rankings: not for a buddy official or a tambon welfare officer (their work is in the services). */
  readonly mayReadRollups: boolean;
}

interface Session {
  readonly account: DashboardAccount;
  headers: Promise<AuthHeaders>;
  signedAt: number;
  lastSeen: number;
}

/** A signed token lives an hour (`LocalSignIn`); a fresh one is signed before that. */
const tokenReuseMs = 50 * 60_000;
/** A session nobody used for this long is gone. */
const idleMs = 8 * 3_600_000;
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** What a sign-in came to: a session, a wrong user name or password, or a try refused until the wait is over. */
export type SignInOutcome =
  | { readonly kind: 'signedIn'; readonly sessionId: string }
  | { readonly kind: 'refused' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/** Sessions in memory: a restart of the dashboard signs everybody out, which suits the development platform. */
export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private readonly throttle = new SignInThrottle();

  constructor(
    private readonly accounts: readonly DashboardAccount[],
    private readonly localSignIn: LocalSignIn | undefined,
  ) {}

  /** Signs in from `address` (the client's network address): wrong passwords slow down that address, not the account. */
  signIn(username: string, password: string, address: string, now = Date.now()): SignInOutcome {
    const waitMs = this.throttle.waitMs(address, username, now);
    if (waitMs > 0) return { kind: 'throttled', retryAfterSeconds: Math.ceil(waitMs / 1_000) };
    const account = this.accounts.find((candidate) => candidate.username === username);
    // Compared in constant time, as digests of equal length.
    const matches = account !== undefined && this.localSignIn !== undefined && timingSafeEqual(digest(account.password), digest(password));
    if (!matches) {
      this.throttle.failed(address, username, now);
      return { kind: 'refused' };
    }
    this.throttle.succeeded(address, username);
    const sessionId = randomBytes(32).toString('base64url');
    this.sessions.set(sessionId, { account, headers: this.sign(account), signedAt: now, lastSeen: now });
    return { kind: 'signedIn', sessionId };
  }

  who(id: string | undefined, now = Date.now()): SignedIn | undefined {
    const session = this.live(id, now);
    if (!session) return undefined;
    const { username, role, description } = session.account;
    const may = (operation: Operation) => accessRules[operation].roles[role] !== undefined;
    return { username, role, description, mayReadRollups: may('reports.readRollups'), mayReadCases: may('households.read'), mayListCases: may('households.search') };
  }

  /** The `Authorization` header of the session's calls, or undefined without a live session. */
  async authorization(id: string | undefined, now = Date.now()): Promise<string | undefined> {
    const session = this.live(id, now);
    if (!session) return undefined;
    if (now - session.signedAt > tokenReuseMs) {
      session.headers = this.sign(session.account);
      session.signedAt = now;
    }
    return (await session.headers)['authorization'];
  }

  signOut(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  private live(id: string | undefined, now: number): Session | undefined {
    const session = id ? this.sessions.get(id) : undefined;
    if (!session) return undefined;
    if (now - session.lastSeen > idleMs) {
      this.sessions.delete(id as string);
      return undefined;
    }
    session.lastSeen = now;
    return session;
  }

  private sign(account: DashboardAccount): Promise<AuthHeaders> {
    return (this.localSignIn as LocalSignIn).person(account.role, account.areas, account.subject);
  }
}

export const sessionCookie = 'khu_session';

/** The session cookie: never readable by scripts, never sent by another site's page. */
export function sessionCookieHeader(id: string): string {
  return `${sessionCookie}=${id}; Path=/; HttpOnly; SameSite=Strict`;
}

export const clearedSessionCookieHeader = `${sessionCookie}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

export function sessionIdOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookie) return value.join('=') || undefined;
  }
  return undefined;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** What the sign-in page says above its form: nothing, a wrong user name or password, or how long to wait. */
export type SignInNotice = { readonly kind: 'none' } | { readonly kind: 'refused' } | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

function noticeOf(notice: SignInNotice): string {
  if (notice.kind === 'refused') return '<p class="error" role="alert" id="sign-in-failed">ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง · Wrong user name or password</p>';
  if (notice.kind === 'throttled') {
    const wait = notice.retryAfterSeconds;
    return `<p class="error" role="alert" id="sign-in-throttled">รหัสผ่านผิดหลายครั้งเกินไป โปรดลองใหม่ในอีก ${wait} วินาที · Too many wrong passwords: try again in ${wait} s</p>`;
  }
  return '';
}

/** The sign-in page: a plain form (no script), in Thai and English. */
export function signInPage(notice: SignInNotice, username = ''): string {
  return `<!doctype html>
<html lang="th">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Khu Siao — เข้าสู่ระบบ / Sign in</title>
    <link rel="stylesheet" href="/dashboard.css" />
  </head>
  <body>
    <header class="top"><div class="brand"><h1>คู่เสี่ยว Khu Siao</h1><p>เข้าสู่ระบบ · Sign in</p></div></header>
    <main id="sign-in" class="panel">
      ${noticeOf(notice)}
      <form method="post" action="/sign-in">
        <p><label>ชื่อผู้ใช้ · User name <input name="username" id="username" autocomplete="username" required value="${escape(username)}" /></label></p>
        <p><label>รหัสผ่าน · Password <input name="password" id="password" type="password" autocomplete="current-password" required /></label></p>
        <p><button type="submit" id="sign-in-button">เข้าสู่ระบบ · Sign in</button></p>
      </form>
      <p class="note">Development platform: the accounts and their passwords are printed by <code>scripts/platform.sh</code>.</p>
    </main>
  </body>
</html>
`;
}
