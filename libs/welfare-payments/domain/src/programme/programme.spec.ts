import { fold, IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { specificationFor, fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { programmeDecider } from './business-logic';
import type { CloseProgramme } from './commands';
import { programmeFactsOf } from './programme';
import { defineFamilyGrant, familyGrant, familyGrantDefined } from './programme.examples';

const { given } = specificationFor(programmeDecider);

type DefineRecipients = typeof defineFamilyGrant.recipients;

const close: CloseProgramme = {
  type: 'CloseProgramme',
  programmeId: 'family-grant',
  reason: 'the provincial scheme ended',
  closedBy: 'officer-1',
  closedAt: '2022-09-30T17:00:00+07:00',
};
const closed = { type: 'ProgrammeClosed' as const, data: { programmeId: 'family-grant', reason: 'the provincial scheme ended', closedBy: 'officer-1', closedAt: '2022-09-30T17:00:00+07:00' } };

describe('defining a programme', () => {
  it('records the programme with its standard amount', () => {
    given().when(defineFamilyGrant).then(familyGrantDefined);
  });

  it('may leave the standard amount out, for help whose amount is decided case by case', () => {
    const { standardAmount: _left, ...inKind } = defineFamilyGrant;
    const { standardAmount: _none, ...data } = familyGrantDefined.data;
    given().when({ ...inKind, kind: 'inKind' }).then({ type: 'ProgrammeDefined', data: { ...data, kind: 'inKind' } });
  });

  it('is refused once the programme is defined', () => {
    given(familyGrantDefined).when(defineFamilyGrant).thenThrows(IllegalStateError, 'programme family-grant is already defined');
  });

  it.each([
    [0, 'must be more than 0'],
    [-300_000, 'must be more than 0'],
    [300_000.5, 'must be whole satang'],
    [10_000_000_01, 'must not exceed 1,000,000,000 satang (10,000,000.00 baht)'],
  ])('refuses a standard amount of %p: %s', (standardAmount, message) => {
    expect(issuesOf(given().when({ ...defineFamilyGrant, standardAmount }).events)).toEqual([{ field: 'standardAmount', message }]);
  });

  it('refuses a programme paid to nobody, or an unknown or repeated kind of recipient', () => {
    expect(issuesOf(given().when({ ...defineFamilyGrant, recipients: [] }).events)).toEqual([
      { field: 'recipients', message: 'must name at least one kind of recipient' },
    ]);
    const odd = ['household', 'household', 'village'] as unknown as DefineRecipients;
    expect(fieldsOf(given().when({ ...defineFamilyGrant, recipients: odd }).events)).toEqual(['recipients.1', 'recipients.2']);
  });

  it('names every field at fault at once', () => {
    const bad = { ...defineFamilyGrant, name: ' ', kind: 'loan' as never, definedAt: '2021-10-01' };
    expect(fieldsOf(given().when(bad).events)).toEqual(['name', 'kind', 'definedAt']);
  });
});

describe('closing a programme', () => {
  it('records the closing', () => {
    given(familyGrantDefined).when(close).then(closed);
  });

  it('is refused for a programme never defined', () => {
    given().when(close).thenThrows(NotFoundError, 'programme family-grant was not found');
  });

  it('is refused twice', () => {
    given(familyGrantDefined, closed).when(close).thenThrows(IllegalStateError, 'programme family-grant is already closed');
  });

  it('needs a reason', () => {
    expect(issuesOf(given(familyGrantDefined).when({ ...close, reason: '' }).events)).toEqual([{ field: 'reason', message: 'is required' }]);
  });
});

describe('the facts a grant command carries about its programme', () => {
  it('come from the programme, or are null when it was never defined', () => {
    expect(programmeFactsOf(fold(programmeDecider, [familyGrantDefined]))).toEqual(familyGrant);
    expect(programmeFactsOf(fold(programmeDecider, [familyGrantDefined, closed]))?.status).toBe('closed');
    expect(programmeFactsOf(fold(programmeDecider, []))).toBeNull();
  });
});
