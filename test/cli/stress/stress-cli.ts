// Runs `tessera stress` in a child process (the planted bug is read once per process, at module
// load) and parses its --json summary.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const kMain = fileURLToPath(new URL('../../../cli/main.js', import.meta.url));

export interface StressCliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The --json summary (the last stdout line), when there is one. */
  json: StressJson | undefined;
}

export interface StressJson {
  passed: boolean;
  runs: number;
  reproduced?: boolean;
  failure?: { seed: number; path: string; commands: string[]; error: string; replayFile: string; shrinks: number; shrinkCut: boolean };
}

/** Runs `node dist/cli/main.js stress ...args` with TESSERA_PLANTED_BUG set to `bug` (or unset). */
export function stressCli(args: readonly string[], bug: string | undefined, cwd: string): Promise<StressCliResult> {
  const env = { ...process.env };
  delete env['TESSERA_PLANTED_BUG'];
  if (bug !== undefined) env['TESSERA_PLANTED_BUG'] = bug;
  return new Promise((resolve) => {
    execFile(process.execPath, [kMain, 'stress', ...args], { env, cwd, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
      const last = stdout.trim().split('\n').pop() ?? '';
      let json: StressJson | undefined;
      try {
        json = JSON.parse(last) as StressJson;
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}
