/**
 * The replay file a failing stress run leaves behind: JSON with the scenario, the seed,
 * fast-check's path to the shrunk case and the commands' replay path, so
 * `tessera stress --replay FILE` runs exactly that case again. The commands are there as text,
 * for people.
 *
 * @module
 */

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckResult, StressFailure } from './check-scenario.js';

/** What a replay file holds. */
export interface ReplayCase {
  readonly scenario: string;
  readonly seed: number;
  readonly path: string;
  readonly replayPath?: string;
  readonly workers: number;
  readonly timeoutMs: number;
  readonly maxCommands?: number;
  readonly commands: readonly string[];
  readonly error: string;
  /** TESSERA_PLANTED_BUG when the failure was found (a replay needs the same). */
  readonly plantedBug?: string;
}

/** The replay case of a failed check. */
export function replayCase(result: CheckResult, failure: StressFailure, run: { workers: number; timeoutMs: number; maxCommands: number | undefined }, plantedBug: string | undefined): ReplayCase {
  return {
    scenario: result.scenario,
    seed: result.seed,
    path: failure.path,
    ...(failure.replayPath === undefined ? {} : { replayPath: failure.replayPath }),
    workers: run.workers,
    timeoutMs: run.timeoutMs,
    ...(run.maxCommands === undefined ? {} : { maxCommands: run.maxCommands }),
    commands: failure.commands,
    error: failure.error,
    ...(plantedBug ? { plantedBug } : {}),
  };
}

/**
 * Writes a replay file into `dir`.
 * @returns its path: `tessera-stress-<scenario>-<seed>.json`
 */
export async function writeReplayFile(dir: string, replay: ReplayCase): Promise<string> {
  const file = join(dir, `tessera-stress-${replay.scenario}-${replay.seed}.json`);
  await writeFile(file, `${JSON.stringify(replay, null, 2)}\n`);
  return file;
}

/**
 * Reads a replay file.
 * @throws TypeError when the file is not a replay file (names the field)
 */
export async function readReplayFile(file: string): Promise<ReplayCase> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const need = (field: string, type: string): void => {
    if (typeof data[field] !== type) throw new TypeError(`Cannot replay "${file}": field "${field}" must be a ${type}: current value is ${JSON.stringify(data[field])}`);
  };
  need('scenario', 'string');
  need('seed', 'number');
  need('path', 'string');
  need('workers', 'number');
  need('timeoutMs', 'number');
  if (data['replayPath'] !== undefined) need('replayPath', 'string');
  return data as unknown as ReplayCase;
}
