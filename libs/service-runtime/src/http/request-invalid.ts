import type { ValidationError } from 'class-validator';
import type { FieldIssue } from '@khu-siao/contracts';

/** What the validation pipe throws: every field at fault, by path. */
export class RequestInvalid extends Error {
  override readonly name = 'RequestInvalid';
  constructor(readonly issues: readonly FieldIssue[]) {
    super('request invalid');
  }
}

/** Flattens class-validator's tree into one issue per failed constraint, naming nested fields by path. */
export function issuesOf(errors: readonly ValidationError[], parent = ''): FieldIssue[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: withoutField(message, error.property) }));
    return [...own, ...issuesOf(error.children ?? [], field)];
  });
}

/** class-validator messages start with the property name ("nationalId must be…"): the field is named apart. */
function withoutField(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
