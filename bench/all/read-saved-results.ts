import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SavedBenchResult } from './saved-result.js';

/**
 * Reads every `*.json` under dir (a missing dir reads as none).
 * @throws TypeError naming the file when one is not a saved result, rather than rendering garbage
 */
export async function readSavedResults(dir: string): Promise<SavedBenchResult[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files = names.filter((n) => n.endsWith('.json')).sort();
  return Promise.all(files.map(async (n) => parseSavedResult(join(dir, n), await readFile(join(dir, n), 'utf8'))));
}

/** Parses one saved result, checking the fields the report relies on. */
export function parseSavedResult(file: string, text: string): SavedBenchResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new TypeError(`Cannot read bench result "${file}": ${(err as Error).message}`);
  }
  const r = value as Partial<Record<string, unknown>> | null;
  const problem =
    typeof r !== 'object' || r === null ? 'expected a JSON object'
    : typeof r.name !== 'string' ? 'expected a string "name"'
    : typeof r.ok !== 'boolean' ? 'expected a boolean "ok"'
    : r.ok && !Array.isArray(r.rows) ? 'expected an array "rows"'
    : !r.ok && typeof r.error !== 'string' ? 'expected a string "error"'
    : typeof r.machine !== 'object' || r.machine === null ? 'expected an object "machine"'
    : undefined;
  if (problem) throw new TypeError(`Cannot read bench result "${file}": ${problem}`);
  return value as SavedBenchResult;
}
