import type { RegisterHousehold } from '@khu-siao/households-domain';
import type { TpmapColumn, TpmapRow } from './tpmap-csv';

/** One household's rows, in file order, and the command they make or why some of them cannot make one. */
export interface HouseholdRows {
  readonly householdRef: string;
  readonly rows: readonly TpmapRow[];
}

export interface RowIssue {
  readonly line: number;
  readonly householdRef: string;
  readonly field?: string;
  readonly reason: string;
}

const sources: Record<string, RegisterHousehold['source']> = {
  tpmap: 'tpmap',
  fieldSurvey: 'fieldSurvey',
  exclusionErrorReferral: 'exclusionErrorReferral',
  vulnerableReferral: 'vulnerableReferral',
};
const truth: Record<string, boolean> = { true: true, yes: true, y: true, '1': true, false: false, no: false, n: false, '0': false };

export function groupByHousehold(rows: readonly TpmapRow[]): HouseholdRows[] {
  const groups = new Map<string, TpmapRow[]>();
  for (const row of rows) {
    const group = groups.get(row.fields.household_ref) ?? [];
    group.push(row);
    groups.set(row.fields.household_ref, group);
  }
  return [...groups].map(([householdRef, grouped]) => ({ householdRef, rows: grouped }));
}

/** The household's rows as a registration command, or the row-level issues that stop it (none is half-imported). */
export function registrationOf(
  group: HouseholdRows,
  householdId: string,
  today: string,
): { command: RegisterHousehold } | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const issue = (row: TpmapRow, field: TpmapColumn | undefined, reason: string) =>
    issues.push({ line: row.line, householdRef: group.householdRef, field, reason });
  const first = group.rows[0];
  if (!group.householdRef) issue(first, 'household_ref', 'is required');
  for (const row of group.rows) {
    for (const column of ['source', 'province_code', 'district_code', 'tambon_code', 'village_code'] as const) {
      if (row.fields[column] !== first.fields[column]) issue(row, column, 'differs from the first row of the household');
    }
    for (const column of ['member_id', 'relation', 'first_name', 'last_name', 'national_id', 'birth_date', 'sex'] as const) {
      if (!row.fields[column]) issue(row, column, 'is required');
    }
    if (!(row.fields.disability.toLowerCase() in truth)) issue(row, 'disability', 'must be true or false');
    if (!(row.fields.chronic_illness.toLowerCase() in truth)) issue(row, 'chronic_illness', 'must be true or false');
    if (row.fields.sex && !['female', 'male'].includes(row.fields.sex)) issue(row, 'sex', 'must be female or male');
  }
  if (!sources[first.fields.source]) issue(first, 'source', 'must be tpmap, fieldSurvey, exclusionErrorReferral or vulnerableReferral');
  if (issues.length > 0) return { issues };
  return {
    command: {
      type: 'RegisterHousehold',
      householdId,
      source: sources[first.fields.source],
      today,
      address: {
        area: {
          provinceCode: first.fields.province_code,
          districtCode: first.fields.district_code,
          tambonCode: first.fields.tambon_code,
          villageCode: first.fields.village_code,
        },
        ...(first.fields.house_number ? { houseNumber: first.fields.house_number } : {}),
      },
      members: group.rows.map((row) => ({
        memberId: row.fields.member_id,
        nationalId: row.fields.national_id,
        ...(row.fields.title ? { title: row.fields.title } : {}),
        firstName: row.fields.first_name,
        lastName: row.fields.last_name,
        birthDate: row.fields.birth_date,
        sex: row.fields.sex as 'female' | 'male',
        relation: row.fields.relation as RegisterHousehold['members'][number]['relation'],
        disability: truth[row.fields.disability.toLowerCase()],
        chronicIllness: truth[row.fields.chronic_illness.toLowerCase()],
      })),
    },
  };
}

/** Maps a domain issue such as `members.1.nationalId` or `address.area.districtCode` back to a line and column. */
export function rowIssueOf(group: HouseholdRows, field: string, reason: string): RowIssue {
  const member = /^members\.(\d+)\.(\w+)/.exec(field);
  const row = member ? (group.rows[Number(member[1])] ?? group.rows[0]) : group.rows[0];
  const column = member ? columnOfMemberField[member[2]] : columnOfHouseholdField[field.split('.').pop() ?? ''];
  return { line: row.line, householdRef: group.householdRef, field: column ?? field, reason };
}

const columnOfMemberField: Record<string, TpmapColumn> = {
  memberId: 'member_id',
  nationalId: 'national_id',
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  relation: 'relation',
  sex: 'sex',
  title: 'title',
};

const columnOfHouseholdField: Record<string, TpmapColumn> = {
  provinceCode: 'province_code',
  districtCode: 'district_code',
  tambonCode: 'tambon_code',
  villageCode: 'village_code',
  houseNumber: 'house_number',
  source: 'source',
};
