/**
 * National IDs leave the service masked unless a role that needs the full number asks for it (access control
 * comes with sign-in): only the last 4 digits stay, enough to tell members apart with the person in front of you.
 */
export function maskNationalId(nationalId: string): string {
  return `${'x'.repeat(Math.max(0, nationalId.length - 4))}${nationalId.slice(-4)}`;
}

/** Masks every `nationalId` field however deep it sits (members lists in events and states). */
export function withMaskedNationalIds<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withMaskedNationalIds(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      key === 'nationalId' && typeof field === 'string' ? maskNationalId(field) : withMaskedNationalIds(field),
    ]),
  ) as T;
}
