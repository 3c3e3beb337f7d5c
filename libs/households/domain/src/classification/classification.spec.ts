import { classify, type ClassifiedMember } from './classification';

const assessedOn = '2024-06-10';

/** A member who is `age` on the assessment date (born that day, `age` years before). */
const aged = (age: number, health: Partial<ClassifiedMember> = {}): ClassifiedMember => ({
  birthDate: `${2024 - age}-06-10`,
  disability: false,
  chronicIllness: false,
  ...health,
});

const ableAdult = aged(40);

describe('a household is classified welfare when no member is an able adult of working age', () => {
  it.each([
    [14, 'welfare'],
    [15, 'developable'],
    [59, 'developable'],
    [60, 'welfare'],
  ] as const)('its only member aged %i on the assessment date makes it %s', (age, expected) => {
    expect(classify({ members: [aged(age)], failedDimensions: ['income'], assessedOn })).toBe(expected);
  });

  it('counts the age on the assessment date, not today: 15 the day of the birthday, 14 the day before', () => {
    const bornOn = { birthDate: '2009-06-10', disability: false, chronicIllness: false };
    expect(classify({ members: [bornOn], failedDimensions: [], assessedOn: '2024-06-10' })).toBe('developable');
    expect(classify({ members: [bornOn], failedDimensions: [], assessedOn: '2024-06-09' })).toBe('welfare');
  });

  it('and a member turns 60 on the birthday: 59 the day before still works', () => {
    const bornOn = { birthDate: '1964-06-10', disability: false, chronicIllness: false };
    expect(classify({ members: [bornOn], failedDimensions: [], assessedOn: '2024-06-09' })).toBe('developable');
    expect(classify({ members: [bornOn], failedDimensions: [], assessedOn: '2024-06-10' })).toBe('welfare');
  });

  it.each([
    ['a disability', { disability: true }],
    ['a chronic illness', { chronicIllness: true }],
  ])('an adult with %s does not count as able', (_case, health) => {
    expect(classify({ members: [aged(40, health), aged(70), aged(8)], failedDimensions: ['income'], assessedOn })).toBe('welfare');
  });

  it('whatever the household fails, and even when it fails nothing', () => {
    expect(classify({ members: [aged(75), aged(10)], failedDimensions: [], assessedOn })).toBe('welfare');
  });

  it('one able adult among dependants is enough to lift it', () => {
    expect(classify({ members: [aged(75), aged(40, { chronicIllness: true }), aged(16), aged(3)], failedDimensions: [], assessedOn })).toBe(
      'developable',
    );
  });
});

describe('a household with an able adult', () => {
  it.each([
    [[], 'developable'],
    [['health'], 'developable'],
    [['health', 'education'], 'developable'],
    [['livingConditions', 'education'], 'developable'],
    [['income', 'publicServices'], 'developable'],
    [['health', 'education', 'publicServices'], 'vulnerable'],
    [['health', 'livingConditions', 'education', 'income', 'publicServices'], 'vulnerable'],
    [['livingConditions', 'income'], 'vulnerable'],
  ] as const)('failing %j is %s', (failedDimensions, expected) => {
    expect(classify({ members: [ableAdult], failedDimensions, assessedOn })).toBe(expected);
  });
});
