import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { kFixtureRoot, kMain, kRepo, tessera, testEnv, type Run } from '../cli/fixtures/daemon-process.js';

/** Runs `tessera repl ARGS` with `input` piped to it (so not a terminal). */
function replOverPipe(args: readonly string[], input: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [kMain, 'repl', ...args], { env, cwd: kRepo, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolveRun({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/**
 * `tessera repl` driven over a pipe against a real daemon child process (the real CodeGraph on
 * the TypeScript fixture tree): plain output lines, errors on stderr, exit codes.
 */
describe('tessera repl over a pipe', { timeout: 60_000 }, async () => {
  const env = await testEnv('real', { TESSERA_REPL_HISTORY: '' });
  const root = kFixtureRoot;
  after(async () => {
    await tessera(['stop', root], env);
    await rm(env.XDG_RUNTIME_DIR!, { recursive: true, force: true });
  });

  before(async () => {
    const run = await tessera(['start', root, '--detach', '--workers', '1'], env, undefined, 30_000);
    assert.equal(run.code, 0, run.stderr);
  });

  it('prints def, refs, search and outline results as plain file:line lines, in input order', async () => {
    const input = ['def Foo', 'refs baz', 'search Shape --limit 2', 'outline src/util.ts'].join('\n') + '\n';
    const run = await replOverPipe([root], input, env);
    assert.deepEqual([run.code, run.stderr], [0, '']);
    assert.deepEqual(run.stdout.split('\n'), [
      'src/shapes.ts:3: class Foo  export class Foo extends Base implements Shape {',
      'src/shapes.ts:7: baz',
      'src/shapes.ts:3: export class Foo extends Base implements Shape {',
      'src/shapes.ts:11: export interface Shape {',
      'src/util.ts:1: function baz  export function baz(v: number): number {',
      'src/util.ts:5: class Base  export abstract class Base {',
      'src/util.ts:6: method describe  abstract describe(): string;',
      "src/util.ts:9: constant lazy  const lazy = await import('./lazy.js');",
      '',
    ]);
  });

  it('prints an error line on stderr for a bad command, runs the rest, and exits 4', async () => {
    const run = await replOverPipe([root], 'fly x\ndef baz\noutline src/nope.ts\n', env);
    assert.equal(run.code, 4);
    assert.equal(run.stdout, 'src/util.ts:1: function baz  export function baz(v: number): number {\n');
    const errors = run.stderr.split('\n');
    assert.equal(errors[0], 'error: unknown command "fly": type .help for the commands');
    assert.match(errors[1]!, /^error: .*nope\.ts.*\(ERR_GRAPH_FILE_NOT_INDEXED\)$/);
  });

  it('answers workers, partitions and send through the daemon', async () => {
    const run = await replOverPipe([root], 'workers\npartitions\nsend partition 0 {"type":"query","op":"summary"}\n', env);
    assert.equal(run.code, 0, run.stderr);
    const [workers, header, slot0, partitions, columns, partition0, reply] = run.stdout.split('\n');
    assert.equal(workers, 'workers 1 (1 ready), restarts 0');
    assert.match(header!, /^ {2}slot +status +actors +heap +in flight$/);
    assert.match(slot0!, /^ {2}0 +ready +1 +[\d.]+ (B|KiB|MiB) +0$/); // heap: 0 B until the first maintenance round
    assert.match(partitions!, /^partitions 1 resident, 0 evicted, 3 files;/);
    assert.match(columns!, /^ {2}id +state +worker +files +source +index +version +from$/);
    assert.match(partition0!, /^ {2}0 +resident +0 +3 +[\d.]+ (B|KiB) +[\d.]+ (B|KiB|MiB) +\d+ +\(start\)$/);
    assert.equal((JSON.parse(reply!) as { value: { files: number } }).value.files, 3);
  });

  it('evicts every partition and changes the budget through the daemon; queries still answer', async () => {
    const run = await replOverPipe([root], 'evict all\nbudget 512\ndef baz\n', env);
    assert.equal(run.code, 0, run.stderr);
    const [evicted, budget, def] = run.stdout.split('\n');
    assert.match(evicted!, /^evicted [1-9]\d*$/);
    assert.equal(budget, `budget ${512 * 1024 * 1024} bytes`);
    assert.equal(def, 'src/util.ts:1: function baz  export function baz(v: number): number {');
  });

  it('exits 3 with a hint when no daemon runs for ROOT', async () => {
    const run = await replOverPipe([`${kRepo}/test`], 'def Foo\n', env);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /No daemon is running for .*Start one with: tessera start /);
  });
});
