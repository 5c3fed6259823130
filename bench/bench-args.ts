/** Parsed command line of the bench entry point. */
export interface BenchArgs {
  name: string | undefined;
  root: string | undefined;
  json: boolean;
  quick: boolean;
  help: boolean;
  /** `--memory-budget MB`: the graph's memory budget, for benchmarks that take one (scale). */
  memoryBudgetMb: number | undefined;
  /** `--sizes 1,2`: the scale bench's sizes, in eighths of the tree (default 1,2,4,8). */
  sizes: number[] | undefined;
  /** `all --only a,b`: the benchmarks a full run is limited to. */
  only: string[] | undefined;
  /** Hidden `--save FILE`: where to write the run's saved result (the full run passes it to each child). */
  save: string | undefined;
}

/**
 * Parses `NAME [--root PATH] [--json] [--quick] [--memory-budget MB] [--sizes 1,2] [--only a,b] [--save FILE]`.
 * @throws TypeError for an unknown flag or a flag without its value, so a typo never runs the wrong benchmark
 * @throws RangeError for a memory budget that is not a positive whole number of MB, or sizes
 *   that are not eighths from 1 to 8
 */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const out: BenchArgs = { name: undefined, root: undefined, json: false, quick: false, help: false, memoryBudgetMb: undefined, sizes: undefined, only: undefined, save: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new TypeError(`Bench option "${flag}" needs a value: current value is empty`);
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--quick') out.quick = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (flag === '--root') out.root = value();
    else if (flag === '--memory-budget') out.memoryBudgetMb = positiveInt(flag, value());
    else if (flag === '--save') out.save = value();
    else if (flag === '--sizes') out.sizes = eighths(flag, value());
    else if (flag === '--only') out.only = value().split(',').map((s) => s.trim()).filter((s) => s !== '');
    else if (a.startsWith('-')) throw new TypeError(`Unknown bench option "${a}": expected --root, --json, --quick, --memory-budget, --sizes, --only or --help`);
    else out.name = a;
  }
  return out;
}

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`Bench option "${flag}" must be a positive whole number: current value is "${v}"`);
  return n;
}

function eighths(flag: string, v: string): number[] {
  const sizes = v.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 8)) throw new RangeError(`Bench option "${flag}" takes sizes in eighths of the tree, whole numbers from 1 to 8: current value is "${v}"`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}
