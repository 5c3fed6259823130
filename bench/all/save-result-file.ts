import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SavedBenchResult } from './saved-result.js';

/**
 * Writes a result as pretty JSON, creating the folder; through a `.tmp` file and a rename,
 * so an interrupted run never leaves half a file for the report to choke on.
 */
export async function saveResultFile(file: string, result: SavedBenchResult): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  await writeFile(tmp, JSON.stringify(result, null, 2) + '\n');
  await rename(tmp, file);
}
