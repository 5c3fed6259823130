import { availableParallelism, cpus, platform, arch, totalmem } from 'node:os';
import type { BenchResult, BenchRow } from '../report.js';

/** The machine a result was measured on, so figures from different machines are never mixed up silently. */
export interface MachineInfo {
  cores: number;
  cpu: string;
  memGiB: number;
  platform: string;
  arch: string;
}

/** What every saved result carries, passed or failed. */
interface SavedResultBase {
  name: string;
  machine: MachineInfo;
  node: string;
  /** ISO 8601 time the result was saved. */
  date: string;
  /** The command that reproduces this one benchmark. */
  command: string;
  seconds: number;
}

/** A benchmark that ran to the end: written by the benchmark's own process (`--save`). */
export interface PassedBenchResult extends SavedResultBase {
  ok: true;
  rows: BenchRow[];
  json: Record<string, unknown>;
}

/** A benchmark that crashed or printed no JSON: written by the full-run runner. */
export interface FailedBenchResult extends SavedResultBase {
  ok: false;
  exitCode: number | null;
  signal: string | null;
  /** Why it counts as failed, e.g. "exit code 1" or "no JSON on the last line of stdout". */
  reason: string;
  /** The last lines of the benchmark's stderr. */
  error: string;
}

/** One file under bench/results/. */
export type SavedBenchResult = PassedBenchResult | FailedBenchResult;

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: platform(),
    arch: arch(),
  };
}

/** The command line that reruns one benchmark the way a full run does. */
export function benchCommand(name: string, opts: BenchOptions): string {
  return ['npm run -s bench --', name, '--json', ...benchOptionArgs(opts)].join(' ');
}

/** The options a benchmark was run with. */
export interface BenchOptions {
  quick: boolean;
  root: string | undefined;
  memoryBudgetMb?: number | undefined;
}

/** The command-line flags that give a benchmark these options. */
export function benchOptionArgs(opts: BenchOptions): string[] {
  return [...(opts.quick ? ['--quick'] : []), ...(opts.root ? ['--root', opts.root] : []), ...(opts.memoryBudgetMb === undefined ? [] : ['--memory-budget', String(opts.memoryBudgetMb)])];
}

/** The saved form of a benchmark that ran to the end. */
export function passedResult(name: string, opts: BenchOptions, result: BenchResult, seconds: number): PassedBenchResult {
  return {
    name,
    ok: true,
    rows: result.rows,
    json: result.json,
    machine: machineInfo(),
    node: process.version,
    date: new Date().toISOString(),
    command: benchCommand(name, opts),
    seconds: Math.round(seconds * 10) / 10,
  };
}
