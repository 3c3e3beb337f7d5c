/**
 * Field names that hold personal data wherever they appear. pino's redaction needs explicit paths, so each name is
 * covered at the depths our log lines use (top level, one and two objects down, inside arrays of members).
 */
export const personalFieldNames = [
  'nationalId',
  'firstName',
  'lastName',
  'title',
  'birthDate',
  'houseNumber',
  'phone',
  'address',
  'members',
] as const;

export const redactedHeaders = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

export function personalDataRedactPaths(): string[] {
  return personalFieldNames.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*[*].${field}`, `*[*].${field}`]);
}
