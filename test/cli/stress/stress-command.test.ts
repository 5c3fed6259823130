import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../cli/commands/run-cli.js';
import type { CliIo } from '../../../cli/commands/cli-io.js';
import { stressCli } from './stress-cli.js';

function capture(cwd: string): CliIo & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    cwd,
    env: {},
    out: () => out,
    err: () => err,
  };
}

describe('tessera stress', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-stress-cmd-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--help lists the scenarios and the options', async () => {
    const io = capture(dir);
    assert.equal(await runCli(['stress', '--help'], io), 0);
    for (const word of ['runtime', 'graph', 'daemon', '--seed', '--runs', '--minutes', '--replay', '--workers', '--json']) assert.ok(io.out().includes(word), word);
  });

  it('rejects an unknown scenario, a bad number and a positional with exit code 2', async () => {
    for (const args of [['--scenario', 'nope'], ['--runs', '0'], ['--minutes', 'soon'], ['extra']]) {
      const io = capture(dir);
      assert.equal(await runCli(['stress', ...args], io), 2, args.join(' '));
      assert.match(io.err(), /^tessera stress: /);
    }
  });

  it('fails with exit code 4 on a file that is not a replay file', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, '{"scenario":"runtime"}');
    const io = capture(dir);
    assert.equal(await runCli(['stress', '--replay', file], io), 4);
    assert.match(io.err(), /field "seed"/);
  });

  it('a seeded run of the runtime scenario passes and prints one JSON summary', async () => {
    const r = await stressCli(['--scenario', 'runtime', '--seed', '7', '--runs', '4', '--workers', '1', '--json'], undefined, dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.deepEqual({ passed: r.json?.passed, runs: r.json?.runs }, { passed: true, runs: 4 });
  });

  it('a seeded run of the daemon scenario passes (a real daemon process and socket)', async () => {
    const r = await stressCli(['--scenario', 'daemon', '--seed', '3', '--runs', '1', '--workers', '1', '--max-commands', '6', '--json'], undefined, dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.json?.passed, true);
  });

  it('a short soak reports its memory and handle figures', async () => {
    const r = await stressCli(['--scenario', 'runtime', '--seed', '7', '--runs', '2', '--workers', '1', '--minutes', '0.03', '--max-growth-mb', '1000', '--json'], undefined, dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const soak = (r.json as unknown as { soak?: { rounds: number; rssLastMb: number; handlesLast: number } }).soak;
    assert.ok(soak && soak.rounds >= 1 && soak.rssLastMb > 0 && soak.handlesLast >= 0, JSON.stringify(r.json));
    assert.match(r.stderr, /rss {8}first .* MB, last .* MB, max .* MB, growth/);
  });
});
