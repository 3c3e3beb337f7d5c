import type { PlatformEvent } from '@khu-siao/contracts';

/** Builds envelopes for specs: each stream's versions are counted, so events read as a stream would deliver them. */
export class ExampleLog {
  private readonly versions = new Map<string, number>();
  private sequence = 0;

  /** The payload is taken as given (specs write only the fields the projection reads), not checked by the catalogue. */
  event(aggregateType: string, aggregateId: string, type: string, data: unknown, occurredAt = '2026-11-20T03:00:00.000Z'): PlatformEvent {
    const key = `${aggregateType}-${aggregateId}`;
    const version = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, version);
    this.sequence += 1;
    return {
      eventId: `00000000-0000-7000-8000-${this.sequence.toString().padStart(12, '0')}`,
      type,
      schemaVersion: 1,
      aggregateType,
      aggregateId,
      aggregateVersion: version,
      occurredAt,
      recordedAt: occurredAt,
      correlationId: 'spec',
      causationId: null,
      actor: { kind: 'system', id: 'spec' },
      data,
    } as PlatformEvent;
  }
}

export const area = (village: string) => ({
  provinceCode: village.slice(0, 2),
  districtCode: village.slice(0, 4),
  tambonCode: village.slice(0, 6),
  villageCode: village,
});

/** A field as events carry it, sealed: the projection never opens one, so any well-formed ciphertext will do. */
export const sealed = (clear: string) => `pd1.${Buffer.from(clear, 'utf8').toString('base64url')}`;

export const member = (memberId: string, nationalId: string) => ({
  memberId,
  nationalId: sealed(nationalId),
  firstName: sealed('สมชาย'),
  lastName: sealed('ใจดี'),
  birthDate: sealed('1970-01-01'),
  sex: 'male' as const,
  relation: memberId === 'm1' ? ('head' as const) : ('child' as const),
  disability: false,
  chronicIllness: false,
});

const passed = { failed: false, indicatorsFailed: [] };
const failed = { failed: true, indicatorsFailed: ['x'] };

export function assessed(assessmentId: string, assessedOn: string, failing: readonly string[], classification = 'developable') {
  const dimensionNames = ['health', 'livingConditions', 'education', 'income', 'publicServices'];
  return {
    assessmentId,
    assessedOn,
    assessorId: 'o-1',
    peopleCounted: 2,
    dimensions: Object.fromEntries(dimensionNames.map((d) => [d, failing.includes(d) ? failed : passed])),
    incomePerHeadPerYear: 2_500_000,
    failedDimensions: failing,
    classification,
  };
}
