import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BENCH_DOC, REPO_ROOT, REPORT_END_MARKER, REPORT_START_MARKER, RESULTS_DIR } from './locations.js';
import { readSavedResults } from './read-saved-results.js';
import { renderBenchReport } from './render-bench-report.js';
import { replaceBetweenMarkers } from './replace-between-markers.js';

/**
 * Regenerates docs/benchmarks.md's generated section from bench/results/*.json; the rest of the
 * file is left as it is, and the file is only written when the section changed.
 * @returns how many saved results the section was built from
 */
export async function updateBenchDoc(doc = BENCH_DOC, resultsDir = join(REPO_ROOT, RESULTS_DIR)): Promise<number> {
  const results = await readSavedResults(resultsDir);
  const before = await readFile(doc, 'utf8');
  const after = replaceBetweenMarkers(before, REPORT_START_MARKER, REPORT_END_MARKER, renderBenchReport(results));
  if (after !== before) await writeFile(doc, after);
  return results.length;
}
