/**
 * The one flag parser of the CLIs: --name value, --name=value, --flag. Names in `flags` never take a value, so
 * an argument after them is positional; arguments that are no flag's value are in `positional`, in order.
 */
export function parseArgs(
  argv: string[],
  { flags = [] }: { flags?: readonly string[] } = {},
): { get(name: string): string | undefined; has(name: string): boolean; num(name: string, fallback: number): number; positional: string[] } {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) values.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (!flags.includes(arg.slice(2)) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) values.set(arg.slice(2), argv[++i]);
    else values.set(arg.slice(2), '');
  }
  return {
    positional,
    get: (name) => values.get(name),
    has: (name) => values.has(name),
    num: (name, fallback) => {
      const v = values.get(name);
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${v}`);
      return n;
    },
  };
}

/** Run a CLI's main, turning a known failure into one line on stderr and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const e = error as Error;
    const known = ['CorpusError', 'IndexLoadError', 'UsageError'].includes(e?.name);
    process.stderr.write(`${known ? e.message : e?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}

export class UsageError extends Error {
  override name = 'UsageError';
}
