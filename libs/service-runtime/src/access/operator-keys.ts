import { RequestInvalid } from '../http/request-invalid';

const maxDepth = 32;

/**
 * Paths (`members.0.$where`) of keys that MongoDB would read as operators or paths: `$…` (also in a bracketed query
 * key such as `name[$ne]`, whichever query parser is in use) or containing a dot.
 */
export function operatorKeyPaths(value: unknown, path: string[] = [], found: string[] = [], depth = 0): string[] {
  if (depth > maxDepth || value === null || typeof value !== 'object') return found;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const here = [...path, key];
    if (/(^|\[)\$/.test(key) || key.includes('.') || key.includes('\u0000')) found.push(here.join('.'));
    else operatorKeyPaths(inner, here, found, depth + 1);
  }
  return found;
}

/**
 * Refuses, before any handler or query sees them, bodies and query strings carrying MongoDB operators (`$where`,
 * `$gt`, …) or dotted keys at any depth: 400 naming each field. DTO validation would refuse most of them too; this
 * makes it hold for every route, those taking free-form input included.
 */
export function refuseOperatorKeys(body: unknown, query: unknown): void {
  const fields = [...operatorKeyPaths(body), ...operatorKeyPaths(query).map((field) => `query.${field}`)];
  if (fields.length > 0) throw new RequestInvalid(fields.map((field) => ({ field, message: 'MongoDB operators and dotted keys are not accepted' })));
}
