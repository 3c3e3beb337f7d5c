import { assistanceEvents, centreEvents, platformCatalogue } from '@khu-siao/contracts';
import { centreDecider } from './centre/business-logic';
import { closeNaiMueang, naiMueangRegistered, registerNaiMueang, relocateToThaPhra } from './centre/centre.examples';
import { Province, threeHundredSixtyGrantsPaid } from './ledger/ledger.examples';
import { programmeDecider } from './programme/business-logic';
import { defineFamilyGrant, familyGrantDefined } from './programme/programme.examples';
import type { CentreEvent, WelfareEvent } from './welfare-events';

const contextEvents = [...assistanceEvents, ...centreEvents];

/** What decide emits must be what the event store lets it append: every event passes its contract schema. */
function contractIssuesOf(events: readonly (WelfareEvent | CentreEvent)[]): unknown[] {
  return events.flatMap((event): unknown[] => {
    const definition = contextEvents.find((candidate) => candidate.type === event.type);
    if (!definition) return [`${event.type} is not in the contracts`];
    return definition.schema.safeParse(event.data).error?.issues ?? [];
  });
}

function everyKindOfEvent(): (WelfareEvent | CentreEvent)[] {
  const story = new Province();
  story.allocate('tc-400101', 1_500_000);
  story.grant('g-1', 'tc-400101', 'hh-1');
  story.grant('g-2', 'tc-400101', 'hh-2');
  story.failTransfer('g-1', 'd-1a');
  story.pay('g-1', 'd-1b');
  story.reverse('g-1', 'd-1b');
  story.cancel('g-1', 'tc-400101');
  story.revise('tc-400101', 100_000);
  const closing = { type: 'CloseProgramme', programmeId: 'family-grant', reason: 'scheme ended', closedBy: 'officer-1', closedAt: '2022-09-30T17:00:00+07:00' } as const;
  return [
    ...programmeDecider.decide(defineFamilyGrant, programmeDecider.initialState()),
    ...programmeDecider.decide(closing, programmeDecider.evolve(programmeDecider.initialState(), familyGrantDefined)),
    ...story.events,
    ...centreDecider.decide(registerNaiMueang, centreDecider.initialState()),
    ...[relocateToThaPhra, closeNaiMueang].flatMap((command) => centreDecider.decide(command, centreDecider.evolve(centreDecider.initialState(), naiMueangRegistered))),
  ];
}

describe('the events decide emits', () => {
  it('cover every event type of the context', () => {
    const types = new Set(everyKindOfEvent().map((event) => event.type));
    expect([...types].sort()).toEqual(contextEvents.map((definition) => definition.type).sort());
  });

  it('pass their contract schemas', () => {
    expect(contractIssuesOf(everyKindOfEvent())).toEqual([]);
  });

  it('pass their contract schemas for 360 grants paid', () => {
    expect(contractIssuesOf(threeHundredSixtyGrantsPaid().events)).toEqual([]);
  });

  it('are all known to the platform catalogue', () => {
    for (const definition of contextEvents) expect(platformCatalogue.knows(definition.type)).toBe(true);
  });
});
