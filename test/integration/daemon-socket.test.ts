import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { daemonToClient, encodeValue, errorTemplates, type DaemonToClient } from '../../protocol/index.js';
import { DaemonClient } from '../../cli/client/daemon-client.js';
import { frameBytes } from '../../cli/wire/frame-splitter.js';
import type { QueryAnswer, QueryOp } from '../../cli/service/query-service.js';
import { kFixtureRoot, startForeground, testEnv, type ForegroundDaemon } from '../cli/fixtures/daemon-process.js';
import { RawSocket } from '../cli/fixtures/raw-socket.js';

/** Fuzzing is reproducible: a fixed seed unless FC_SEED asks for another. */
const kSeed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261125;

function sh(command: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { timeout: 10_000 }, (err, stdout) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout }));
  });
}

/** A shell command that sends stdin to a Unix socket and prints the answers, if this machine has one. */
async function socketPipe(socket: string): Promise<string | undefined> {
  if ((await sh('command -v socat')).code === 0) return `socat -t 2 - UNIX-CONNECT:${socket}`;
  if ((await sh('nc -h 2>&1 | grep -q -- " -N"')).code === 0) return `nc -U -N ${socket}`;
  return undefined;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * The daemon's socket, driven by hand and in bulk: raw JSON lines, a shell pipe through
 * nc/socat, 100 concurrent clients, and a fuzzer; over the real CodeGraph.
 */
describe('daemon socket (real daemon process, real graph)', { timeout: 90_000 }, async () => {
  const env = await testEnv('real');
  let daemon: ForegroundDaemon;
  let socket: string;
  after(async () => {
    daemon?.child.kill('SIGTERM');
    await daemon?.exited;
    await rm(env.XDG_RUNTIME_DIR!, { recursive: true, force: true });
  });

  before(async () => {
    daemon = await startForeground(kFixtureRoot, env, ['--workers', '1']);
    socket = daemon.summary.socket;
  });

  it('answers raw JSON lines, pipelined, with coded errors for bad ones', async () => {
    const raw = await RawSocket.open(socket);
    raw.write(
      [
        '{"k":"ping","id":1}',
        '{"k":"query","id":2,"op":"def","args":{"name":"Foo"}}',
        '{"k":"query","id":3,"op":"teleport","args":{}}',
        '{"k":"query","id":4,"op":"def","args":{"name":42}}',
        '{"k":"query","id":5,"op":"def"}',
        '{"k":"launch","id":6}',
        '{"k":"query",',
      ].join('\n') + '\n',
    );
    raw.end();
    await raw.closed;
    const byId = new Map(raw.jsonLines().map((m) => ['id' in m ? m.id : -1, m]));
    assert.equal(byId.get(1)?.k, 'pong');
    const def = byId.get(2) as DaemonToClient & { k: 'result' };
    assert.deepEqual((def.value as QueryAnswer).results.map((r) => `${r.file}:${r.line} ${r.kind} ${r.name}`), ['src/shapes.ts:3 class Foo']);
    const codes = [3, 4, 5, 6, 0].map((id) => { const m = byId.get(id); return m?.k === 'error' ? m.error.code : m?.k; });
    assert.deepEqual(codes, ['ERR_DAEMON_UNKNOWN_OP', 'ERR_DAEMON_BAD_ARGS', 'ERR_PROTO_BAD_FIELD', 'ERR_PROTO_UNKNOWN_KIND', 'ERR_DAEMON_BAD_JSON']);
  });

  it('answers a JSON line sent from a shell through nc or socat', async (t) => {
    const pipe = await socketPipe(socket);
    if (pipe === undefined) return t.skip('neither socat nor an nc with -N is installed');
    const started = performance.now();
    const run = await sh(`printf '%s\\n' '{"k":"query","id":1,"op":"def","args":{"name":"baz"}}' | ${pipe}`);
    const ms = performance.now() - started;
    const reply = JSON.parse(run.stdout) as DaemonToClient;
    assert.equal(reply.k, 'result');
    assert.equal(((reply as { value: QueryAnswer }).value.results[0] as { file: string }).file, 'src/util.ts');
    t.diagnostic(`def_jsonl_nc_ms ${ms.toFixed(1)} (${pipe.split(' ')[0]})`);
  });

  it('serves 100 concurrent clients x 100 pipelined requests, every answer correct', async (t) => {
    const names = ['baz', 'Base', 'Foo', 'Shape', 'Point', 'Color', 'Geometry', 'MAX_SIZE', 'makeFoo', 'describe', 'NoSuchName'];
    const requests: [QueryOp, Record<string, unknown>][] = [
      ...names.flatMap((name): [QueryOp, Record<string, unknown>][] => [['def', { name }], ['refs', { name }]]),
      ['complete', { prefix: 'Ba' }],
      ['search', { pattern: 'export', limit: 5 }],
      ['outline', { file: 'src/util.ts' }],
      ['importers', { file: 'src/util.ts' }],
    ];
    const expectedClient = await DaemonClient.connect({ socketPath: socket });
    const strip = (a: QueryAnswer): unknown => ({ results: a.results, truncated: a.truncated });
    const expected = await Promise.all(requests.map(async ([op, args]) => strip(await expectedClient.query(op, args))));
    await expectedClient.close();
    const started = performance.now();
    let checked = 0;
    await Promise.all(
      Array.from({ length: 100 }, async (_, c) => {
        const client = await DaemonClient.connect({ socketPath: socket });
        const picks = Array.from({ length: 100 }, (_, i) => (c * 7 + i) % (requests.length + 1));
        const answers = await Promise.all(picks.map((k) => (k === requests.length ? client.ping() : client.query(...requests[k]!))));
        answers.forEach((answer, i) => {
          const k = picks[i]!;
          assert.deepEqual(k === requests.length ? answer : strip(answer as QueryAnswer), k === requests.length ? undefined : expected[k], `client ${c}, request ${i}`);
          checked++;
        });
        await client.close();
      }),
    );
    t.diagnostic(`clients_100x100_s ${((performance.now() - started) / 1000).toFixed(2)}`);
    assert.equal(checked, 10_000);
  });

  it('survives random bytes, oversized lengths, unknown kinds and random queries, then answers correctly', async (t) => {
    const notJsonStart = (b: Uint8Array): boolean => b.length > 0 && ![0x7b, 0x20, 0x09, 0x0a, 0x0d].includes(b[0]!);
    const header = (n: number): Buffer => Buffer.from([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
    const payload = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 96 }).filter(notJsonStart).map((b) => Buffer.from(b)),
      fc.string({ maxLength: 96 }).map((s) => Buffer.from(`{${s}\n`)),
      fc.uint8Array({ maxLength: 96 }).map((b) => frameBytes(b)),
      fc.tuple(fc.integer({ min: (1 << 20) + 1, max: 0x7affffff }), fc.uint8Array({ maxLength: 16 })).map(([n, b]) => Buffer.concat([header(n), b])),
      fc.record({ k: fc.string({ maxLength: 12 }), id: fc.nat() }).map((m) => frameBytes(encodeValue(m))),
      fc.record({ op: fc.oneof(fc.constantFrom('def', 'search', 'outline', 'map'), fc.string({ maxLength: 12 })), args: fc.jsonValue({ maxDepth: 2 }) })
        .map(({ op, args }) => Buffer.from(JSON.stringify({ k: 'query', id: 1, op, args }) + '\n')),
    );
    const codes = new Set(Object.keys(errorTemplates));
    let replies = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(payload, { minLength: 1, maxLength: 3 }), async (chunks) => {
        const raw = await RawSocket.open(socket);
        for (const chunk of chunks) raw.write(chunk);
        raw.end();
        await raw.until(() => false, 5000).catch(() => raw.socket.destroy());
        await raw.closed;
        const messages = raw.bytes.length === 0 ? [] : raw.bytes[0] === 0x7b ? raw.jsonLines() : raw.frames();
        for (const m of messages) {
          daemonToClient.validate(m);
          if (m.k === 'error') assert.ok(codes.has(m.error.code), `unknown code ${m.error.code}`);
        }
        replies += messages.length;
      }),
      { seed: kSeed, numRuns: 150 },
    );
    t.diagnostic(`fuzz seed ${kSeed}: 150 connections, ${replies} replies`);
    assert.equal(daemon.child.exitCode, null, 'the daemon is still running');
    const client = await DaemonClient.connect({ socketPath: socket });
    const answer = await client.query('def', { name: 'baz' });
    assert.deepEqual(answer.results.map((r) => `${r.file}:${r.line}`), ['src/util.ts:1']);
    assert.ok((await client.stats()).requests.errors > 0);
    await client.close();
  });

  it('closes a connection that announces an oversized frame without waiting for its bytes', async () => {
    const raw = await RawSocket.open(socket);
    raw.write(Buffer.from([0x7a, 0, 0, 0]));
    await raw.closed;
    assert.deepEqual(raw.frames().map((m) => m.k === 'error' && m.error.code), ['ERR_DAEMON_FRAME_TOO_LARGE']);
  });

  it('measures ping round trips over the socket', async (t) => {
    const client = await DaemonClient.connect({ socketPath: socket });
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const started = performance.now();
      await client.ping();
      samples.push((performance.now() - started) * 1000);
    }
    await client.close();
    samples.sort((a, b) => a - b);
    t.diagnostic(`ping_rtt_p50_us ${quantile(samples, 0.5).toFixed(0)} ping_rtt_p99_us ${quantile(samples, 0.99).toFixed(0)}`);
    assert.ok(quantile(samples, 0.5) < 5000, 'a ping takes well under 5 ms');
  });

  it('stops gracefully on SIGTERM: exit code 0, files removed, "stopped" logged', async () => {
    daemon.child.kill('SIGTERM');
    assert.equal(await daemon.exited, 0);
    await assert.rejects(RawSocket.open(socket));
  });
});
