import { parseArgs } from 'node:util';

export interface NumberFlag {
  readonly kind: 'number';
  /** Omitted when the script derives the default from other flags (e.g. fewer events on the durable backend). */
  readonly default?: number;
  readonly help: string;
}

export interface BooleanFlag {
  readonly kind: 'boolean';
  readonly help: string;
}

export type FlagSpecs = Record<string, NumberFlag | BooleanFlag>;

export type FlagValues<T extends FlagSpecs> = {
  [K in keyof T]: T[K] extends BooleanFlag ? boolean : T[K] extends { default: number } ? number : number | undefined;
};

/** Reads `--name value` / `--name=value` / `--flag`; prints usage and exits on --help or on a bad flag. */
export function readFlags<T extends FlagSpecs>(usage: string, specs: T, argv = process.argv.slice(2)): FlagValues<T> {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, { type: spec.kind === 'number' ? 'string' : 'boolean' } as const]),
  );
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
  } catch (error) {
    return exitWithUsage(usage, specs, `${(error as Error).message}\n\n`, 2);
  }
  if (values['help']) return exitWithUsage(usage, specs, '', 0);
  const result: Record<string, number | boolean | undefined> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = values[name];
    if (spec.kind === 'boolean') {
      result[name] = raw === true;
      continue;
    }
    if (raw === undefined) {
      result[name] = spec.default;
      continue;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      return exitWithUsage(usage, specs, `--${name} must be a whole number ≥ 1\n\n`, 2);
    }
    result[name] = value;
  }
  return result as FlagValues<T>;
}

function exitWithUsage(usage: string, specs: FlagSpecs, problem: string, code: number): never {
  const lines = Object.entries(specs).map(([name, spec]) => {
    const left = spec.kind === 'number' ? `--${name} <n>` : `--${name}`;
    const fallback = spec.kind === 'number' && spec.default !== undefined ? ` (default ${spec.default})` : '';
    return `  ${left.padEnd(26)}${spec.help}${fallback}`;
  });
  lines.push(`  ${'--help'.padEnd(26)}this text`);
  (code === 0 ? process.stdout : process.stderr).write(`${problem}${usage}\n\nOptions:\n${lines.join('\n')}\n`);
  process.exit(code);
}
