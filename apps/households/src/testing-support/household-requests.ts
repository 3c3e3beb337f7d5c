import { thaiNationalIdCheckDigit } from '@khu-siao/households-domain';

/** A valid national ID made from a serial number (the check digit computed as the register does). */
export function nationalId(serial: number): string {
  const first12 = `1${String(serial).padStart(11, '0')}`;
  return `${first12}${thaiNationalIdCheckDigit(first12)}`;
}

export function member(serial: number, overrides: Record<string, unknown> = {}) {
  return {
    memberId: `m-${serial}`,
    nationalId: nationalId(serial),
    firstName: 'สมชาย',
    lastName: 'ใจดี',
    birthDate: '1980-05-01',
    sex: 'male',
    relation: 'head',
    disability: false,
    chronicIllness: false,
    ...overrides,
  };
}

export function registration(serial: number, overrides: Record<string, unknown> = {}) {
  return {
    source: 'tpmap',
    address: { area: { provinceCode: '40', districtCode: '4001', tambonCode: '400101', villageCode: '40010103' }, houseNumber: '12' },
    members: [member(serial), member(serial + 1, { relation: 'spouse', sex: 'female', firstName: 'สมศรี' })],
    ...overrides,
  };
}

const passed = { indicatorsFailed: [] };

export function assessment(assessmentId: string, assessedOn: string, failing: Record<string, string[]> = {}) {
  const dimension = (name: string) => (failing[name] ? { indicatorsFailed: failing[name] } : passed);
  return {
    assessmentId,
    assessedOn,
    assessorId: 'official-17',
    incomePerHeadPerYear: 3_000_000,
    dimensions: {
      health: dimension('health'),
      livingConditions: dimension('livingConditions'),
      education: dimension('education'),
      income: dimension('income'),
      publicServices: dimension('publicServices'),
    },
  };
}
