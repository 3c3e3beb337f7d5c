import { ContractViolation } from '../envelope/contract-violation';
import { platformCatalogue } from './platform-catalogue';

const envelope = (overrides: Record<string, unknown> = {}) => ({
  eventId: '0192f1e4-5c6b-7a89-9abc-def012345678',
  type: 'HouseholdPaired',
  schemaVersion: 1,
  aggregateType: 'pairing',
  aggregateId: 'pairing-1',
  aggregateVersion: 1,
  occurredAt: '2022-01-27T09:00:00+07:00',
  recordedAt: '2022-01-27T02:00:01.000Z',
  correlationId: 'corr-1',
  causationId: null,
  actor: { kind: 'person', id: 'official-7' },
  data: { pairingId: 'pairing-1', householdId: 'hh-1', officialId: 'official-7', pairedOn: '2022-01-27' },
  ...overrides,
});

function violationOf(read: () => unknown): ContractViolation {
  try {
    read();
  } catch (error) {
    if (error instanceof ContractViolation) return error;
    throw error;
  }
  throw new Error('expected a contract violation');
}

describe('the platform event catalogue', () => {
  it('reads a valid envelope as it was written', () => {
    const event = platformCatalogue.read(envelope());
    expect(event.type).toBe('HouseholdPaired');
    expect(event.data).toEqual(envelope().data);
  });

  it('names each metadata field at fault', () => {
    const violation = violationOf(() =>
      platformCatalogue.read(envelope({ eventId: 'not-a-uuid', aggregateVersion: 0, correlationId: undefined })),
    );
    expect(violation.issues.map((issue) => issue.field).sort()).toEqual(['aggregateVersion', 'correlationId', 'eventId']);
  });

  it('names the payload field at fault without echoing its value', () => {
    const violation = violationOf(() =>
      platformCatalogue.read(
        envelope({
          type: 'HouseholdRegistered',
          aggregateType: 'household',
          schemaVersion: 2,
          data: {
            householdId: 'hh-1',
            source: 'tpmap',
            address: { area: { provinceCode: '40', districtCode: '4001', tambonCode: '400101', villageCode: '40010103' } },
            members: [
              {
                memberId: 'm-1',
                nationalId: '1234567890123',
                firstName: 'pd1.c29tY2hhaQ',
                lastName: 'pd1.amFpZGVl',
                birthDate: { erased: true },
                sex: 'male',
                relation: 'head',
                disability: false,
                chronicIllness: false,
              },
            ],
          },
        }),
      ),
    );
    // A national ID in clear where a sealed field belongs is refused, and never quoted back.
    expect(violation.issues.map((issue) => issue.field)).toEqual(['data.members.0.nationalId']);
    expect(JSON.stringify(violation.issues)).not.toContain('1234567890123');
    expect(violation.message).not.toContain('1234567890123');
  });

  it('reads a version 1 registration, which carried personal fields in clear, with those fields erased', () => {
    const event = platformCatalogue.read(
      envelope({
        type: 'HouseholdRegistered',
        aggregateType: 'household',
        schemaVersion: 1,
        data: {
          householdId: 'hh-1',
          source: 'tpmap',
          address: { area: { provinceCode: '40', districtCode: '4001', tambonCode: '400101', villageCode: '40010103' }, houseNumber: '12/3' },
          members: [
            { memberId: 'm-1', nationalId: '1234567890123', firstName: 'Somchai', lastName: 'Jaidee', birthDate: '1970-01-01', sex: 'male', relation: 'head', disability: false, chronicIllness: true },
          ],
        },
      }),
    );
    expect(event.schemaVersion).toBe(2);
    expect(JSON.stringify(event.data)).not.toMatch(/1234567890123|Somchai|Jaidee|1970-01-01|12\/3/);
    expect((event.data as { members: unknown[] }).members[0]).toEqual({
      memberId: 'm-1', nationalId: { erased: true }, firstName: { erased: true }, lastName: { erased: true }, birthDate: { erased: true },
      sex: 'male', relation: 'head', disability: false, chronicIllness: true,
    });
  });

  it('refuses an area code outside its parent area', () => {
    const violation = violationOf(() =>
      platformCatalogue.read(
        envelope({
          type: 'HouseholdRegistered',
          aggregateType: 'household',
          data: {
            householdId: 'hh-1',
            source: 'tpmap',
            address: { area: { provinceCode: '40', districtCode: '4101', tambonCode: '410101', villageCode: '41010101' } },
            members: [],
          },
        }),
      ),
    );
    expect(violation.issues.map((issue) => issue.field)).toEqual(['data.address.area.districtCode', 'data.members']);
  });

  it('lifts a VisitLogged stored at schema version 1 to the current version', () => {
    const stored = envelope({
      type: 'VisitLogged',
      aggregateType: 'visit',
      schemaVersion: 1,
      data: {
        visitId: 'visit-1',
        householdId: 'hh-1',
        officialId: 'official-7',
        visitedOn: '2022-01-20',
        processStep: 'care',
        dimensionsDiscussed: ['income'],
        needsFound: [],
        helpGiven: [{ kind: 'inKind', description: 'survival bag', value: 50_000 }],
        referrals: [],
      },
    });
    const event = platformCatalogue.read(stored);
    expect(event.schemaVersion).toBe(3);
    expect(event.data).toMatchObject({ officialIds: ['official-7'] });
    expect(event.data).not.toHaveProperty('officialId');
  });

  it("reads the visit versions that carried the household's personal data in clear with those fields erased", () => {
    const clearDetails = {
      officialIds: ['official-7'],
      visitedOn: '2022-01-20',
      processStep: 'care',
      dimensionsDiscussed: ['health'],
      needsFound: ['bedridden', 'diabetes'],
      helpGiven: [{ kind: 'inKind', description: 'insulin', value: 50_000 }, { kind: 'advice', description: 'diet' }],
      referrals: ['district hospital'],
      location: { latitude: 16.43, longitude: 102.82 },
    };
    const erased = { erased: true };
    const erasedDetails = {
      ...clearDetails,
      needsFound: [erased, erased],
      helpGiven: [{ kind: 'inKind', description: erased, value: 50_000 }, { kind: 'advice', description: erased }],
      referrals: [erased],
      location: erased,
    };
    const logged = platformCatalogue.read(
      envelope({ type: 'VisitLogged', aggregateType: 'visit', schemaVersion: 2, data: { visitId: 'visit-1', householdId: 'hh-1', ...clearDetails } }),
    );
    expect(logged.data).toEqual({ visitId: 'visit-1', householdId: 'hh-1', ...erasedDetails });
    const correction = { visitId: 'visit-1', householdId: 'hh-1', reason: 'typo', correctedBy: 'official-7', correctedOn: '2022-01-21' };
    const corrected = platformCatalogue.read(
      envelope({ type: 'VisitCorrected', aggregateType: 'visit', schemaVersion: 1, data: { ...correction, details: clearDetails } }),
    );
    expect(corrected.schemaVersion).toBe(2);
    expect(corrected.data).toEqual({ ...correction, details: erasedDetails });
  });

  it('refuses a visit whose personal fields are in clear at the current version', () => {
    const violation = violationOf(() =>
      platformCatalogue.read(
        envelope({
          type: 'VisitLogged',
          aggregateType: 'visit',
          schemaVersion: 3,
          data: {
            visitId: 'visit-1',
            householdId: 'hh-1',
            officialIds: ['official-7'],
            visitedOn: '2022-01-20',
            processStep: 'care',
            dimensionsDiscussed: [],
            needsFound: ['bedridden'],
            helpGiven: [],
            referrals: [],
            location: { latitude: 16.43, longitude: 102.82 },
          },
        }),
      ),
    );
    expect(violation.issues.map((issue) => issue.field)).toEqual(['data.needsFound.0', 'data.location']);
  });

  it('refuses a schema version newer than it knows and an unknown type', () => {
    expect(violationOf(() => platformCatalogue.read(envelope({ schemaVersion: 9 }))).issues[0]?.field).toBe(
      'schemaVersion',
    );
    expect(violationOf(() => platformCatalogue.read(envelope({ type: 'HouseholdTeleported' }))).issues[0]?.field).toBe(
      'type',
    );
  });

  it('refuses an event whose aggregate type does not match its definition', () => {
    expect(violationOf(() => platformCatalogue.read(envelope({ aggregateType: 'household' }))).issues[0]?.field).toBe(
      'aggregateType',
    );
  });
});
