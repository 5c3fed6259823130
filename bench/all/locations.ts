import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root, found from this compiled file (dist/bench/all/) so the runner works from any cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The compiled bench entry point each benchmark of a full run is started with. */
export const BENCH_MAIN = fileURLToPath(new URL('../main.js', import.meta.url));

/** Where a full run saves one `NAME.json` per benchmark, relative to {@link REPO_ROOT}. */
export const RESULTS_DIR = 'bench/results';

/** The document whose generated section a full run rewrites. */
export const BENCH_DOC = join(REPO_ROOT, 'docs', 'benchmarks.md');

/** Markers around the generated section of {@link BENCH_DOC}; everything outside them is hand-written. */
export const REPORT_START_MARKER = '<!-- bench-report:start -->';
/** @see REPORT_START_MARKER */
export const REPORT_END_MARKER = '<!-- bench-report:end -->';
