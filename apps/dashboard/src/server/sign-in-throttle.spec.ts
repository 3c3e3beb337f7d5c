import { SignInThrottle } from './sign-in-throttle';

const start = Date.parse('2026-06-01T08:00:00Z');
const seconds = (count: number) => start + count * 1_000;
const guesser = '203.0.113.7';

describe('the sign-in throttle', () => {
  it('lets 5 wrong passwords for a user name through, then doubles the wait after each further one', () => {
    const throttle = new SignInThrottle();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(throttle.waitMs(guesser, 'analyst', seconds(0))).toBe(0);
      throttle.failed(guesser, 'analyst', seconds(0));
    }
    expect(throttle.waitMs(guesser, 'analyst', seconds(0))).toBe(1_000);
    expect(throttle.waitMs(guesser, 'analyst', seconds(1))).toBe(0);
    throttle.failed(guesser, 'analyst', seconds(1));
    expect(throttle.waitMs(guesser, 'analyst', seconds(1))).toBe(2_000);
    throttle.failed(guesser, 'analyst', seconds(3));
    expect(throttle.waitMs(guesser, 'analyst', seconds(3))).toBe(4_000);
  });

  it('waits 15 minutes at the longest, and forgets the failures 15 minutes after the last', () => {
    const throttle = new SignInThrottle();
    for (let attempt = 0; attempt < 30; attempt += 1) throttle.failed(guesser, 'analyst', seconds(0));
    expect(throttle.waitMs(guesser, 'analyst', seconds(0))).toBe(15 * 60_000);
    expect(throttle.waitMs(guesser, 'analyst', seconds(15 * 60 + 1))).toBe(0);
    throttle.failed(guesser, 'analyst', seconds(15 * 60 + 1));
    expect(throttle.waitMs(guesser, 'analyst', seconds(15 * 60 + 1))).toBe(0);
  });

  it('slows an address that tries many user names, and no other address', () => {
    const throttle = new SignInThrottle();
    for (let name = 0; name < 20; name += 1) throttle.failed(guesser, `user-${name}`, seconds(0));
    expect(throttle.waitMs(guesser, 'someone-else', seconds(0))).toBe(1_000);
    expect(throttle.waitMs('198.51.100.20', 'user-1', seconds(0))).toBe(0);
  });

  it("forgets an address's failures for an account once the right password comes from there", () => {
    const throttle = new SignInThrottle();
    for (let attempt = 0; attempt < 4; attempt += 1) throttle.failed(guesser, 'analyst', seconds(0));
    throttle.succeeded(guesser, 'analyst');
    throttle.failed(guesser, 'analyst', seconds(1));
    expect(throttle.waitMs(guesser, 'analyst', seconds(1))).toBe(0);
  });
});
