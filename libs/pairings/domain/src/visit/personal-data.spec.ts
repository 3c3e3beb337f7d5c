import { VisitCorrected, VisitLogged } from '@khu-siao/contracts';
import { openVisitDetails, openVisitEvent, sealVisitEvent } from './personal-data';
import { corrected, details, visitLogged } from './visit.examples';

/** A stand-in for the household's cipher: reversible, without a key. */
const seal = async (text: string) => `pd1.${Buffer.from(text).toString('base64url')}`;
const open = async (sealed: string) => Buffer.from(sealed.slice('pd1.'.length), 'base64url').toString();
const erased = async () => ({ erased: true as const });

describe("a visit's personal data", () => {
  it('is sealed field by field: needs, help descriptions, referrals and the GPS point', async () => {
    const sealed = await sealVisitEvent(visitLogged, seal);
    expect(VisitLogged.schema.safeParse(sealed.data).success).toBe(true);
    const text = JSON.stringify(sealed);
    for (const clear of ['roof leaks', 'survival bag', 'Krabi Provincial', '8.0863', '98.9063']) expect(text).not.toContain(clear);
    expect(sealed.data).toMatchObject({
      officialIds: details.officialIds,
      visitedOn: details.visitedOn,
      dimensionsDiscussed: details.dimensionsDiscussed,
      helpGiven: [{ kind: 'inKind', value: 50_000 }, { kind: 'advice' }],
      photoRef: details.photoRef,
    });
  });

  it('opens to what was decided, for a logged visit and for a correction', async () => {
    const correction = corrected({ needsFound: ['no clean water'], location: { latitude: 16.4419, longitude: 102.836 } });
    expect(await openVisitEvent(await sealVisitEvent(visitLogged, seal), open)).toEqual(visitLogged);
    const sealedCorrection = await sealVisitEvent(correction, seal);
    expect(VisitCorrected.schema.safeParse(sealedCorrection.data).success).toBe(true);
    expect(await openVisitEvent(sealedCorrection, open)).toEqual(correction);
  });

  it('opens as erased once the household is erased, counts and values kept', async () => {
    const opened = await openVisitEvent(await sealVisitEvent(visitLogged, seal), erased);
    expect(opened.data).toEqual({
      ...visitLogged.data,
      needsFound: [{ erased: true }, { erased: true }],
      helpGiven: [
        { kind: 'inKind', description: { erased: true }, value: 50_000 },
        { kind: 'advice', description: { erased: true } },
      ],
      referrals: [{ erased: true }, { erased: true }],
      location: { erased: true },
    });
  });

  it('leaves a visit without a location without one', async () => {
    const { location: _location, ...unlocated } = visitLogged.data;
    const sealed = await sealVisitEvent({ type: 'VisitLogged', data: unlocated }, seal);
    expect(sealed.data).not.toHaveProperty('location');
  });

  it('opens the details a read model keeps sealed, its other properties untouched', async () => {
    const sealed = await sealVisitEvent(visitLogged, seal);
    const view = { ...sealed.data, version: 2, corrections: [] };
    expect(await openVisitDetails(view, open)).toEqual({ ...visitLogged.data, version: 2, corrections: [] });
  });
});
