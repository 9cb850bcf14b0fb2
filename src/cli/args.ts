// The command line of the CLIs, read with Node's util.parseArgs: positionals, --flag, --key value and
// --key=value (a value may start with "-"), "--" ends the options; clear errors for an unknown option,
// a missing value or a value given to a flag.
import { parseArgs as parseArgv } from 'node:util';

/** The options a command takes: 'string' for `--key value`, 'strings' for one that may be repeated, 'boolean' for a `--flag`. */
export type OptionSpec = Record<string, 'string' | 'strings' | 'boolean'>;

/** What was given: the positionals in order, and each option given (the last one wins when repeated, but 'strings' keeps all, in order). */
export interface Args<O extends OptionSpec> {
  positional: string[];
  values: { [K in keyof O]?: O[K] extends 'string' ? string : O[K] extends 'strings' ? string[] : true };
}

/** The names of the options that take a value. */
type Valued<O extends OptionSpec> = { [K in keyof O]: O[K] extends 'string' ? K : never }[keyof O] & string;

export class UsageError extends Error {}

/** Parses argv against the options a command takes; throws a UsageError naming what is wrong. */
export function parseArgs<const O extends OptionSpec>(argv: string[], options: O): Args<O> {
  const config = Object.fromEntries(Object.entries(options).map(([name, type]) => [name, { type: type === 'strings' ? 'string' : type }]));
  // Not strict, with tokens: an option's value is the next argument whatever it starts with (--seed -5),
  // and the errors below are worded by us.
  const { tokens } = parseArgv({ args: argv, options: config, strict: false, allowPositionals: true, tokens: true });
  const out = { positional: [] as string[], values: {} as Record<string, string | string[] | true> };
  for (const t of tokens) {
    if (t.kind === 'positional') out.positional.push(t.value);
    else if (t.kind === 'option') {
      const type = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
      if (type === undefined) throw new UsageError(`unknown option ${t.rawName}`);
      if (type === 'string' || type === 'strings') {
        if (t.value === undefined) throw new UsageError(`--${t.name} needs a value`);
        out.values[t.name] = type === 'string' ? t.value : [...((out.values[t.name] as string[] | undefined) ?? []), t.value];
      } else {
        if (t.inlineValue) throw new UsageError(`--${t.name} takes no value`);
        out.values[t.name] = true;
      }
    }
  }
  return out as Args<O>;
}

/** A whole number option within bounds. */
export function intOption<O extends OptionSpec>(args: Args<O>, name: Valued<O>, fallback: number, min: number, max: number): number {
  const v = args.values[name] as string | undefined;
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${v}'`);
  return n;
}
