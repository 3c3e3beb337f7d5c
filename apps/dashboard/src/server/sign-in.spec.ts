import { LocalSignIn } from '@khu-siao/security';
import { testSecurityEnv } from '@khu-siao/testing';
import { sessionIdOf, Sessions, signInPage, type DashboardAccount } from './sign-in';

const account: DashboardAccount = {
  username: 'district-4001',
  password: 'a-long-password-1',
  role: 'districtOfficer',
  areas: [{ level: 'district', districtCode: '4001' }],
  subject: 'district-4001',
  description: 'district officer',
};
const start = Date.parse('2026-06-01T08:00:00Z');
const minutes = (count: number) => start + count * 60_000;

describe('the development sign-in sessions', () => {
  const sessions = () => new Sessions([account], new LocalSignIn(testSecurityEnv('unused')));

  it('slows down the address that guesses a password, not the account: its owner signs in from their own address', () => {
    const store = sessions();
    const guesser = '203.0.113.7';
    for (let attempt = 0; attempt < 5; attempt += 1) expect(store.signIn('district-4001', 'wrong', guesser, minutes(0))).toEqual({ kind: 'refused' });
    // The sixth try from there waits, the right password included; it is not even compared.
    expect(store.signIn('district-4001', 'a-long-password-1', guesser, minutes(0))).toEqual({ kind: 'throttled', retryAfterSeconds: 1 });
    expect(store.signIn('district-4001', 'a-long-password-1', '198.51.100.20', minutes(0))).toEqual({ kind: 'signedIn', sessionId: expect.any(String) });
  });

  it('signs a fresh token before the last one expires, and ends a session left idle for 8 hours', async () => {
    const store = sessions();
    const signedIn = store.signIn('district-4001', 'a-long-password-1', '198.51.100.20', start);
    const id = signedIn.kind === 'signedIn' ? signedIn.sessionId : '';
    const first = await store.authorization(id, minutes(1));
    expect(await store.authorization(id, minutes(40))).toBe(first);
    const renewed = await store.authorization(id, minutes(55));
    expect(renewed).toMatch(/^Bearer /);
    expect(renewed).not.toBe(first);
    expect(store.who(id, minutes(55 + 8 * 60 + 1))).toBeUndefined();
    expect(await store.authorization(id, minutes(55 + 8 * 60 + 2))).toBeUndefined();
  });

  it('knows no session without a local issuer key, whatever the password', () => {
    expect(new Sessions([account], undefined).signIn('district-4001', 'a-long-password-1', '198.51.100.20')).toEqual({ kind: 'refused' });
  });

  it('reads its cookie among others, and escapes what the sign-in page shows back', () => {
    expect(sessionIdOf('lang=th; khu_session=abc-123; other=1')).toBe('abc-123');
    expect(sessionIdOf('khu_sessionx=1')).toBeUndefined();
    expect(signInPage({ kind: 'refused' }, '"><script>')).toContain('value="&#34;&#62;&#60;script&#62;"');
  });
});
