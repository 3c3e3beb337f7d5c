import { fold, IllegalStateError } from '@khu-siao/decider';
import type { GrantEvent } from '../welfare-events';
import { grantDecider } from './business-logic';
import type { GrantCommand } from './commands';
import { confirm, granted, start } from './grant.examples';

/**
 * The application's append, in memory: decide on the state at a version, append only if the stream is still at
 * that version, otherwise reload and decide again. This is how the event store serialises one grant's commands.
 */
function handleConcurrently(stream: GrantEvent[], commands: readonly GrantCommand[]): string[] {
  const seen = commands.map(() => stream.length);
  const outcomes: string[] = commands.map(() => 'pending');
  while (outcomes.includes('pending')) {
    commands.forEach((command, index) => {
      if (outcomes[index] !== 'pending') return;
      try {
        const events = grantDecider.decide(command, fold(grantDecider, stream.slice(0, seen[index])));
        if (seen[index] !== stream.length) {
          seen[index] = stream.length;
          return;
        }
        stream.push(...events);
        outcomes[index] = events.length > 0 ? 'recorded' : 'nothing to record';
      } catch (error) {
        if (!(error instanceof IllegalStateError)) throw error;
        outcomes[index] = '409';
      }
    });
  }
  return outcomes;
}

const payments = (stream: readonly GrantEvent[]) => stream.filter((event) => event.type === 'AssistanceDisbursed').length;

describe('paying a grant once', () => {
  it('starts one attempt when the same request arrives 10 times at once (one idempotency key)', () => {
    const stream: GrantEvent[] = [granted()];
    const outcomes = handleConcurrently(stream, Array.from({ length: 10 }, () => start('d-1')));
    expect(outcomes.filter((outcome) => outcome === 'recorded')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'nothing to record')).toHaveLength(9);
    handleConcurrently(stream, Array.from({ length: 10 }, () => confirm('d-1')));
    expect(payments(stream)).toBe(1);
  });

  it('starts one attempt when 10 requests with different keys arrive at once, and refuses the 9 others', () => {
    const stream: GrantEvent[] = [granted()];
    const outcomes = handleConcurrently(stream, Array.from({ length: 10 }, (_, n) => start(`d-${n + 1}`, 'cashAtCentre')));
    expect(outcomes.filter((outcome) => outcome === 'recorded')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === '409')).toHaveLength(9);
    const confirmations = handleConcurrently(stream, Array.from({ length: 10 }, (_, n) => confirm(`d-${n + 1}`, `R-${n + 1}`)));
    expect(confirmations.filter((outcome) => outcome === 'recorded')).toHaveLength(1);
    expect(payments(stream)).toBe(1);
  });
});
