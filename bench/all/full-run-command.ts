import { relative } from 'node:path';
import { BENCH_DOC, REPO_ROOT } from './locations.js';
import type { FullRunPlan } from './plan-full-run.js';
import { runFullBench } from './run-full-bench.js';
import { updateBenchDoc } from './update-bench-doc.js';

/**
 * `npm run bench` / `bench -- all [--quick] [--only a,b]`: every benchmark in its own process,
 * then the doc's generated section. The last stdout line is a JSON summary, as for one benchmark.
 * @returns the exit code: 1 when any benchmark failed
 */
export async function fullRunCommand(plan: FullRunPlan): Promise<number> {
  const summary = await runFullBench(plan);
  await reportCommand();
  const failed = summary.failed.length > 0 ? `, ${summary.failed.length} failed: ${summary.failed.join(', ')}` : '';
  process.stderr.write(`Ran ${summary.benches.length} benchmark(s)${failed}\n`);
  process.stdout.write(JSON.stringify(summary) + '\n');
  return summary.failed.length > 0 ? 1 : 0;
}

/** `bench -- report`: regenerates the doc's section from the saved results alone, running nothing. */
export async function reportCommand(): Promise<number> {
  const count = await updateBenchDoc();
  process.stderr.write(`${relative(REPO_ROOT, BENCH_DOC)}: generated section rebuilt from ${count} saved result(s)\n`);
  return 0;
}
