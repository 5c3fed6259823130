/** Parsed command line of the bench entry point. */
export interface BenchArgs {
  name: string | undefined;
  root: string | undefined;
  json: boolean;
  quick: boolean;
  help: boolean;
}

/**
 * Parses `NAME [--root PATH] [--json] [--quick]`.
 * @throws TypeError for an unknown flag, so a typo never runs the wrong benchmark
 */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const out: BenchArgs = { name: undefined, root: undefined, json: false, quick: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--quick') out.quick = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--root') out.root = argv[++i];
    else if (a.startsWith('--root=')) out.root = a.slice(7);
    else if (a.startsWith('-')) throw new TypeError(`Unknown bench option "${a}": expected --root, --json, --quick or --help`);
    else out.name = a;
  }
  return out;
}
