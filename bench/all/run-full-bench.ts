import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, RESULTS_DIR } from './locations.js';
import type { FullRunPlan } from './plan-full-run.js';
import { runBenchChild, type ChildOutcome } from './run-bench-child.js';
import { benchCommand, benchOptionArgs, machineInfo } from './saved-result.js';
import { saveResultFile } from './save-result-file.js';

/** How each benchmark of a full run went. */
export interface FullRunSummary {
  benches: { name: string; ok: boolean; seconds: number }[];
  failed: string[];
}

/**
 * Runs each planned benchmark in its own process, one at a time, each saving its result to
 * bench/results/NAME.json. A benchmark that fails is saved as a failure and the run goes on:
 * one broken benchmark should not cost the hour the others took.
 */
export async function runFullBench(plan: FullRunPlan): Promise<FullRunSummary> {
  const summary: FullRunSummary = { benches: [], failed: [] };
  for (const [i, name] of plan.names.entries()) {
    const step = `[${i + 1}/${plan.names.length}] ${name}`;
    process.stderr.write(`${step} …\n`);
    const relFile = `${RESULTS_DIR}/${name}.json`;
    const argv = [name, '--json', '--save', relFile, ...benchOptionArgs(plan)];
    const outcome = await runBenchChild(argv);
    const problem = await failureOf(outcome, join(REPO_ROOT, relFile));
    const seconds = Math.round(outcome.seconds);
    if (problem) {
      await saveFailure(name, plan, outcome, problem, join(REPO_ROOT, relFile));
      summary.failed.push(name);
    }
    summary.benches.push({ name, ok: !problem, seconds });
    process.stderr.write(`${step} … ${problem ? `FAILED (${problem}) after ` : ''}${seconds} s\n`);
  }
  return summary;
}

/** Why the benchmark counts as failed, or undefined when it passed and saved its result. */
async function failureOf(outcome: ChildOutcome, file: string): Promise<string | undefined> {
  if (outcome.exitCode !== 0) return outcome.exitCode === null ? `killed by ${outcome.signal}` : `exit code ${outcome.exitCode}`;
  if (!outcome.json) return 'no JSON on the last line of stdout';
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { ok?: unknown };
    return saved.ok === true ? undefined : `saved result "${file}" is not ok`;
  } catch (err) {
    return `no saved result "${file}": ${(err as Error).message}`;
  }
}

async function saveFailure(name: string, plan: FullRunPlan, outcome: ChildOutcome, problem: string, file: string): Promise<void> {
  await saveResultFile(file, {
    name,
    ok: false,
    exitCode: outcome.exitCode,
    signal: outcome.signal,
    reason: problem,
    error: outcome.stderrTail,
    machine: machineInfo(),
    node: process.version,
    date: new Date().toISOString(),
    command: benchCommand(name, plan),
    seconds: Math.round(outcome.seconds * 10) / 10,
  });
}
