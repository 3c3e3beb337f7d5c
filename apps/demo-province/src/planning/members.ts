import type { Dice } from './dice';
import type { NationalIds } from './national-ids';
import type { PlannedMember, Relation } from './province-plan';
import { femaleFirstNames, maleFirstNames, surnames } from './thai-names';

/** How a household is made up decides whether anyone can earn it out of poverty (see classification). */
export type Makeup = 'working' | 'elderly' | 'illness';

/** Household sizes of poor rural Isan households, by weight; the plan then adjusts them to the exact head count. */
export const sizeWeights: readonly (readonly [number, number])[] = [
  [1, 22],
  [2, 32],
  [3, 22],
  [4, 14],
  [5, 7],
  [6, 3],
];

export const largestHousehold = 8;

interface Person {
  readonly relation: Relation;
  readonly sex: 'female' | 'male';
  readonly birthDate: string;
  readonly disability?: boolean;
  readonly chronicIllness?: boolean;
}

function titleOf(person: Person, married: boolean): string {
  if (person.birthDate > '2007-01-27') return person.sex === 'male' ? 'เด็กชาย' : 'เด็กหญิง';
  if (person.sex === 'male') return 'นาย';
  return married ? 'นาง' : 'นางสาว';
}

/** The people of one household, the head first: `size` of them, made up as `makeup` says. */
export function planMembers(dice: Dice, ids: NationalIds, householdNumber: number, size: number, makeup: Makeup, districtCode: string): PlannedMember[] {
  const headSex = dice.chance(0.55) ? 'male' : 'female';
  const other = (sex: 'female' | 'male') => (sex === 'male' ? 'female' : 'male');
  const people: Person[] = [];
  if (makeup === 'elderly') {
    people.push({ relation: 'head', sex: headSex, birthDate: dice.date('1932-01-01', '1961-12-31'), chronicIllness: dice.chance(0.4) });
    if (size >= 2 && dice.chance(0.6)) people.push({ relation: 'spouse', sex: other(headSex), birthDate: dice.date('1935-01-01', '1962-12-31') });
    while (people.length < size) {
      const grandchild = dice.chance(0.85);
      people.push(
        grandchild
          ? { relation: 'grandchild', sex: dice.chance(0.5) ? 'male' : 'female', birthDate: dice.date('2008-02-01', '2021-06-30') }
          : { relation: 'sibling', sex: dice.chance(0.5) ? 'male' : 'female', birthDate: dice.date('1935-01-01', '1960-12-31'), disability: dice.chance(0.3) },
      );
    }
  } else {
    const illness = makeup === 'illness';
    const headBorn = dice.date('1964-06-01', '1999-12-31');
    people.push({ relation: 'head', sex: headSex, birthDate: headBorn, disability: illness && dice.chance(0.5), chronicIllness: illness });
    if (size >= 2 && dice.chance(0.75)) {
      people.push({ relation: 'spouse', sex: other(headSex), birthDate: dice.date('1962-01-01', '2000-12-31'), chronicIllness: illness && dice.chance(0.7) });
    }
    const firstChild = `${Math.max(Number(headBorn.slice(0, 4)) + 18, 1985)}-01-01`;
    while (people.length < size) {
      if (dice.chance(0.15)) people.push({ relation: 'parent', sex: dice.chance(0.6) ? 'female' : 'male', birthDate: dice.date('1930-01-01', '1955-12-31') });
      else people.push({ relation: 'child', sex: dice.chance(0.5) ? 'male' : 'female', birthDate: dice.date(firstChild < '2021-06-30' ? firstChild : '2015-01-01', '2021-06-30') });
    }
  }
  const lastName = dice.pick(surnames);
  const married = people.some((person) => person.relation === 'spouse');
  return people.map((person, index) => ({
    memberId: `m-${householdNumber}-${index + 1}`,
    nationalId: ids.next(person.birthDate, districtCode),
    title: titleOf(person, married && (person.relation === 'head' || person.relation === 'spouse')),
    firstName: dice.pick(person.sex === 'male' ? maleFirstNames : femaleFirstNames),
    lastName: person.relation === 'spouse' && dice.chance(0.3) ? dice.pick(surnames) : lastName,
    birthDate: person.birthDate,
    sex: person.sex,
    relation: person.relation,
    disability: person.disability ?? false,
    chronicIllness: person.chronicIllness ?? false,
  }));
}

/** Household sizes drawn by weight, then nudged one person at a time until they add up to exactly `people`. */
export function planSizes(dice: Dice, households: number, people: number): number[] {
  if (people < households || people > households * largestHousehold) throw new RangeError(`cannot fit ${people} people into ${households} households`);
  const sizes = Array.from({ length: households }, () => dice.weighted(sizeWeights));
  let total = sizes.reduce((sum, size) => sum + size, 0);
  while (total !== people) {
    const index = dice.int(0, households - 1);
    if (total > people && sizes[index] > 1) {
      sizes[index] -= 1;
      total -= 1;
    } else if (total < people && sizes[index] < largestHousehold) {
      sizes[index] += 1;
      total += 1;
    }
  }
  return sizes;
}
