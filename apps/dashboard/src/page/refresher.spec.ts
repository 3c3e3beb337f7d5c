import { refresher } from './refresher';

describe('refreshing on change notices', () => {
  it('runs one load at a time and folds the notices that come during it into one more', async () => {
    let loads = 0;
    let release: () => void = () => undefined;
    const { request } = refresher(async () => {
      loads += 1;
      await new Promise<void>((resolve) => (release = resolve));
    });
    const first = request();
    void request();
    void request();
    void request();
    expect(loads).toBe(1);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toBe(2);
    release();
    await first;
    expect(loads).toBe(2);
  });

  it('goes on after a load fails', async () => {
    let loads = 0;
    const { request } = refresher(async () => {
      loads += 1;
      if (loads === 1) throw new Error('unreachable');
    });
    await request();
    await request();
    expect(loads).toBe(2);
  });
});
