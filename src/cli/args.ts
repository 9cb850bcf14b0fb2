// A small argument parser for the command line: positionals, --flag and --key value, with clear errors.

export interface Args {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

export class UsageError extends Error {}

/** Parses argv; `valued` lists the options that take a value, `flags` those that do not. */
export function parseArgs(argv: string[], valued: readonly string[], flags: readonly string[]): Args {
  const out: Args = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (flags.includes(name)) out.flags.add(name);
    else if (valued.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      out.values.set(name, v);
    } else throw new UsageError(`unknown option --${name}`);
  }
  return out;
}

/** A whole number option within bounds. */
export function intOption(args: Args, name: string, fallback: number, min: number, max: number): number {
  const v = args.values.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${v}'`);
  return n;
}
