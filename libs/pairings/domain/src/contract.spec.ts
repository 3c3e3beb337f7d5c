import { pairingEvents, platformCatalogue } from '@khu-siao/contracts';
import { fold } from '@khu-siao/decider';
import { officialDecider } from './official/business-logic';
import { enrol, enrolled, placeTaken, takeOn } from './official/official.examples';
import { pairingDecider } from './pairing/business-logic';
import { pair, paired, reassign, unpair } from './pairing/pairing.examples';
import type { PairingsEvent, VisitEvent } from './pairings-events';
import { partnerDecider } from './partner/business-logic';
import { partnerRegistered, pledge, registerPartner } from './partner/partner.examples';
import { teamDecider } from './team/business-logic';
import { addMember, formTeam, memberAdded, teamFormed } from './team/team.examples';
import { visitDecider } from './visit/business-logic';
import { sealVisitEvent } from './visit/personal-data';
import { correct, logVisit, visitLogged } from './visit/visit.examples';

/** What decide emits must be what the event store lets it append: every event passes its contract schema. */
function contractIssuesOf(events: readonly { type: string; data: unknown }[]): unknown[] {
  return events.flatMap((event): unknown[] => {
    const definition = pairingEvents.find((candidate) => candidate.type === event.type);
    if (!definition) return [`${event.type} is not in the contracts`];
    return definition.schema.safeParse(event.data).error?.issues ?? [];
  });
}

/** A stand-in for the household's cipher: the shape of a sealed field, without a key. */
const standInSeal = async (text: string) => `pd1.${Buffer.from(text).toString('base64url')}`;

/** Every kind of event as the store receives it: as `decide` emits it for a worked example, visits then sealed. */
async function everyKindOfEvent(): Promise<{ type: string; data: unknown }[]> {
  const events = everyKindOfDecidedEvent();
  return Promise.all(events.map((event) => (event.type.startsWith('Visit') ? sealVisitEvent(event as VisitEvent, standInSeal) : event)));
}

function everyKindOfDecidedEvent(): PairingsEvent[] {
  const releasing = { type: 'ReleaseHousehold', officialId: 'official-7', pairingId: 'p-hh-1', releasedOn: '2020-03-01', reason: 'unpaired' } as const;
  const removing = { type: 'RemoveTeamMember', teamId: 'team-400101', officialId: 'official-7', removedOn: '2022-06-01', reason: 'transferred' } as const;
  const { title: _title, ...untitled } = enrol;
  return [
    ...officialDecider.decide(enrol, officialDecider.initialState()),
    ...officialDecider.decide({ ...untitled, contact: { email: 'wanida@example.go.th' } }, officialDecider.initialState()),
    ...officialDecider.decide(takeOn('hh-1'), fold(officialDecider, [enrolled])),
    ...officialDecider.decide(releasing, fold(officialDecider, [enrolled, placeTaken('hh-1')])),
    ...pairingDecider.decide(pair(), pairingDecider.initialState()),
    ...pairingDecider.decide(reassign(), fold(pairingDecider, [paired()])),
    ...pairingDecider.decide(unpair(), fold(pairingDecider, [paired()])),
    ...visitDecider.decide(logVisit, visitDecider.initialState()),
    ...visitDecider.decide({ ...logVisit, location: undefined, photoRef: undefined, nextVisitOn: undefined }, visitDecider.initialState()),
    ...visitDecider.decide(correct({ visitedOn: '2022-01-19' }), fold(visitDecider, [visitLogged])),
    ...teamDecider.decide(formTeam, teamDecider.initialState()),
    ...teamDecider.decide({ ...formTeam, area: { districtCode: '4001' } }, teamDecider.initialState()),
    ...teamDecider.decide(addMember('official-7', 'leader'), fold(teamDecider, [teamFormed])),
    ...teamDecider.decide(removing, fold(teamDecider, [teamFormed, memberAdded('official-7')])),
    ...teamDecider.decide({ ...removing, reason: undefined }, fold(teamDecider, [teamFormed, memberAdded('official-7')])),
    ...partnerDecider.decide(registerPartner, partnerDecider.initialState()),
    ...partnerDecider.decide(pledge(), fold(partnerDecider, [partnerRegistered])),
    ...partnerDecider.decide(pledge({ support: { kind: 'knowHow', description: 'bookkeeping course' } }), fold(partnerDecider, [partnerRegistered])),
  ];
}

function holdsUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  return typeof value === 'object' && value !== null && Object.values(value).some(holdsUndefined);
}

describe('the events decide emits', () => {
  it('cover every event type of the context', async () => {
    const types = new Set((await everyKindOfEvent()).map((event) => event.type));
    expect([...types].sort()).toEqual(pairingEvents.map((definition) => definition.type).sort());
  });

  it('pass their contract schemas, optional fields left out rather than undefined', async () => {
    const events = await everyKindOfEvent();
    expect(contractIssuesOf(events)).toEqual([]);
    // A stored `undefined` comes back as `null`, which the strict schemas refuse on read.
    expect(events.filter((event) => holdsUndefined(event.data)).map((event) => event.type)).toEqual([]);
  });

  it('are read back by the platform catalogue as they were written', async () => {
    for (const [index, event] of (await everyKindOfEvent()).entries()) {
      const definition = platformCatalogue.definitionOf(event.type);
      const envelope = platformCatalogue.read({
        eventId: `0192f1e4-5c6b-7a89-9abc-${String(index).padStart(12, '0')}`,
        type: event.type,
        schemaVersion: definition?.schemaVersion,
        aggregateType: definition?.aggregateType,
        aggregateId: 'x-1',
        aggregateVersion: 1,
        occurredAt: '2022-01-27T09:00:00+07:00',
        recordedAt: '2022-01-27T02:00:01.000Z',
        correlationId: 'corr-1',
        causationId: null,
        actor: { kind: 'person', id: 'official-7' },
        data: event.data,
      });
      expect(envelope.data).toEqual(event.data);
    }
  });
});
