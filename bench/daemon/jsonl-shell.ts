/**
 * What a shell hook pays for one query: a JSON line through `nc -U` (or `socat`), the whole
 * command timed, tool start-up included.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { median } from '../stats.js';

/** The tool found on PATH, or undefined. */
export async function jsonlTool(): Promise<'nc' | 'socat' | undefined> {
  for (const tool of ['nc', 'socat'] as const) {
    const found = await new Promise<boolean>((ok) => execFile('sh', ['-c', `command -v ${tool}`], (err) => ok(err === null)));
    if (found) return tool;
  }
  return undefined;
}

/**
 * Median wall time of `runs` whole `printf … | nc -U -N SOCK` commands, in ms.
 * @throws Error when an answer is not a result (so a broken socket never times as fast)
 */
export async function jsonlDefMs(tool: 'nc' | 'socat', socket: string, name: string, runs: number): Promise<number> {
  const line = JSON.stringify({ k: 'query', id: 1, op: 'def', args: { name } }).replaceAll("'", "'\\''");
  const sock = socket.replaceAll("'", "'\\''");
  const pipe = tool === 'nc' ? `nc -U -N '${sock}'` : `socat -t 2 - UNIX-CONNECT:'${sock}'`;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const { stdout: out } = await promisify(execFile)('sh', ['-c', `printf '%s\\n' '${line}' | ${pipe}`]);
    samples.push(performance.now() - t0);
    if (!out.startsWith('{"k":"result"')) throw new Error(`jsonl def: unexpected answer: ${out.slice(0, 200)}`);
  }
  return median(samples);
}
