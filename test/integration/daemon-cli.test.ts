import assert from 'node:assert/strict';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { daemonPaths } from '../../cli/paths/daemon-paths.js';
import { kFixtureRoot, tessera, testEnv } from '../cli/fixtures/daemon-process.js';

/**
 * The `tessera` CLI against a real daemon child process over the real CodeGraph and the
 * TypeScript fixture tree: start --detach, query, status, metrics, a refused second start, stop.
 */
describe('tessera CLI with a detached daemon', { timeout: 60_000 }, async () => {
  const env = await testEnv('real');
  const root = kFixtureRoot;
  const paths = daemonPaths(root, { env: { XDG_RUNTIME_DIR: env.XDG_RUNTIME_DIR } });
  after(async () => {
    await tessera(['stop', root], env); // in case a test failed before stopping it
    await rm(env.XDG_RUNTIME_DIR!, { recursive: true, force: true });
  });

  before(async () => {
    const run = await tessera(['start', root, '--detach', '--workers', '1'], env, undefined, 30_000);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^tessera: ready in .* listening on .*\.sock; stop it with: tessera stop /);
  });

  it('start --detach leaves a socket (0600) in a private directory (0700), a pid file and a log', async () => {
    assert.equal((await stat(paths.dir)).mode & 0o777, 0o700);
    assert.equal((await stat(paths.socket)).mode & 0o777, 0o600);
    const pid = JSON.parse(await readFile(paths.pid, 'utf8')) as { pid: number; root: string; started: string };
    assert.equal(pid.root, root);
    assert.match(await readFile(paths.log, 'utf8'), /"msg":"first index ready"/);
  });

  it('query --json prints exactly one JSON object with root-relative results, and exits 0', async () => {
    const run = await tessera(['query', root, 'def', 'baz', '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trimEnd().split('\n').length, 1);
    const answer = JSON.parse(run.stdout) as { results: unknown[]; took_ms: unknown };
    assert.equal(answer.results.length, 1);
    const { file, line, column, name, kind, text } = answer.results[0] as Record<string, unknown>;
    assert.deepEqual({ file, line, column, name, kind, text }, { file: 'src/util.ts', line: 1, column: 16, name: 'baz', kind: 'function', text: 'export function baz(v: number): number {' });
    assert.equal(typeof answer.took_ms, 'number');
  });

  it('query prints file:line lines, and exits 1 when nothing is found', async () => {
    const found = await tessera(['query', root, 'refs', 'baz'], env);
    assert.deepEqual([found.code, found.stdout], [0, 'src/shapes.ts:7: baz\n']);
    const none = await tessera(['query', root, 'def', 'NoSuchThing'], env);
    assert.deepEqual([none.code, none.stdout], [1, '']);
  });

  it('query finds the daemon from a subdirectory and takes FILE relative to it', async () => {
    const run = await tessera(['query', 'outline', 'util.ts', '--json'], env, join(root, 'src'));
    assert.equal(run.code, 0, run.stderr);
    const names = (JSON.parse(run.stdout) as { results: { name: string; file: string }[] }).results.map((r) => `${r.file}#${r.name}`);
    assert.deepEqual(names, ['src/util.ts#baz', 'src/util.ts#Base', 'src/util.ts#describe', 'src/util.ts#lazy']);
  });

  it('query passes --limit and search options, and reports truncation', async () => {
    const run = await tessera(['query', root, 'search', 'EXPORT', '-i', '--limit', '2', '--json'], env);
    const answer = JSON.parse(run.stdout) as { results: unknown[]; truncated: boolean };
    assert.deepEqual([answer.results.length, answer.truncated], [2, true]);
    const map = JSON.parse((await tessera(['query', root, 'map', '--tokens', '60', '--json'], env)).stdout) as { results: { file: string }[]; text: string };
    assert.ok(map.results.length > 0 && map.results.every((r) => /^src\/[\w.]+$/.test(r.file)), 'map results are root-relative');
    assert.match(map.text, /^src\/util\.ts:\n/);
  });

  it('query explains usage errors with exit 2, and errors of the graph with exit 4', async () => {
    const run = await tessera(['query', root, 'fly', 'x'], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown operation "fly".*see "tessera query --help"/);
    const missing = await tessera(['query', root, 'outline', 'src/nope.ts'], env);
    assert.equal(missing.code, 4);
    assert.match(missing.stderr, /"src\/nope.ts" is not in the code graph.*\n  Give FILE relative to/);
  });

  it('status shows the figures, as text and as JSON', async () => {
    const json = await tessera(['status', root, '--json'], env);
    const stats = JSON.parse(json.stdout) as { state: string; root: string; graph: { workers: { total: number }; files: number }; ops: Record<string, unknown> };
    assert.deepEqual([stats.state, stats.root, stats.graph.workers.total, stats.graph.files], ['ready', root, 1, 3]);
    assert.equal(typeof (stats.graph as unknown as { cacheHitRate: unknown }).cacheHitRate, 'number');
    assert.ok('def' in stats.ops && 'search' in stats.ops);
    const text = await tessera(['status', root], env);
    assert.match(text.stdout, /state +ready, up/);
    assert.match(text.stdout, /pressure normal/);
    assert.match(text.stdout, /partitions +\d+ resident, \d+ evicted/);
  });

  it('metrics prints the Prometheus text format', async () => {
    const run = await tessera(['metrics', root], env);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^# HELP tessera_up /);
    assert.match(run.stdout, /\ntessera_up 1\n/);
    assert.match(run.stdout, /\ntessera_requests_total\{op="def"\} \d+\n/);
  });

  it('refuses to start a second daemon for the same root, saying where the first one is', async () => {
    const pid = (JSON.parse(await readFile(paths.pid, 'utf8')) as { pid: number }).pid;
    const run = await tessera(['start', root, '--detach'], env);
    assert.equal(run.code, 4);
    assert.match(run.stderr, new RegExp(`already running for ".*typescript": pid ${pid}, started .*, socket ".*\\.sock"`));
    assert.match(run.stderr, /stop it first: tessera stop /);
  });

  it('stop waits for the daemon to finish, removes its files, and status then exits 3', async () => {
    const run = await tessera(['stop', root], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^tessera: stopped the daemon for .* \(pid \d+\)/);
    await assert.rejects(stat(paths.socket));
    await assert.rejects(stat(paths.pid));
    const status = await tessera(['status', root], env);
    assert.equal(status.code, 3);
    assert.match(status.stderr, /No daemon is running for .*Start one with: tessera start /);
  });
});

describe('tessera start --detach when the daemon cannot index', { timeout: 30_000 }, async () => {
  const env = await testEnv('stub', { TESSERA_STUB_FAIL: '1' });
  after(() => rm(env.XDG_RUNTIME_DIR!, { recursive: true, force: true }));

  it('exits 4 with the error the daemon logged, and leaves no socket behind', async () => {
    const run = await tessera(['start', kFixtureRoot, '--detach'], env);
    assert.equal(run.code, 4);
    assert.match(run.stderr, /tessera start: Cannot index ".*typescript": stub graph told to fail/);
    await assert.rejects(stat(daemonPaths(kFixtureRoot, { env: { XDG_RUNTIME_DIR: env.XDG_RUNTIME_DIR } }).socket));
  });

  it('exits 2 for a root that is not a directory', async () => {
    const run = await tessera(['start', join(kFixtureRoot, 'no-such-dir'), '--detach'], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /ROOT ".*no-such-dir" is not a directory/);
  });
});
