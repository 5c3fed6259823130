// Runs `tessera stress` in a child process (the planted bug is read once per process, at module
// load) and parses its --json summary.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
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

/** A failure found with a planted bug, and the run that found it. */
export type PlantedFailure = NonNullable<StressJson['failure']> & { readonly output: string };

/**
 * Runs a scenario with a planted bug: asserts it fails, that the shrunk story has at most
 * `maxShrunk` commands, and that its replay file reproduces the failure (with the same story
 * when `sameStory`; a timing-dependent failure may fail a step earlier or later).
 * @returns the failure, for the caller's own checks on the story
 */
export async function findPlantedBug(args: readonly string[], bug: string, dir: string, maxShrunk: number, sameStory = false): Promise<PlantedFailure> {
  const found = await stressCli([...args, '--out', dir], bug, dir);
  assert.equal(found.code, 4, found.stderr);
  const failure = found.json?.failure;
  assert.ok(failure, found.stdout);
  assert.ok(failure.commands.length <= maxShrunk, `shrunk to ${failure.commands.length} commands:\n${failure.commands.join('\n')}`);
  const replayed = await stressCli(['--replay', failure.replayFile, '--json'], bug, dir);
  assert.equal(replayed.code, 4, replayed.stderr);
  assert.equal(replayed.json?.reproduced, true);
  if (sameStory) assert.deepEqual(replayed.json?.failure?.commands, failure.commands);
  return { ...failure, output: found.stdout + found.stderr };
}

/** A temporary directory for one test file's runs, removed after them. */
export function tempDirPerSuite(): { readonly path: () => string } {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-stress-test-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));
  return { path: () => dir };
}
