import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../../cli/commands/cli-io.js';
import { kCommands, kVersion, runCli } from '../../../cli/commands/run-cli.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

function capture(env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: repo,
    env,
    out: () => out,
    err: () => err,
  };
}

describe('runCli()', async () => {
  const runtimeDir = await mkdtemp(join(tmpdir(), 'tessera-cli-'));
  after(() => rm(runtimeDir, { recursive: true, force: true }));

  it('prints help for every command, naming its usage and exit codes', async () => {
    for (const command of kCommands) {
      const io = capture();
      assert.equal(await runCli([command.name, '--help'], io), 0);
      assert.match(io.out(), new RegExp(`^Usage: tessera ${command.name}`));
    }
    for (const name of ['start', 'stop', 'status', 'query', 'metrics']) {
      const io = capture();
      await runCli([name, '-h'], io);
      assert.match(io.out(), /Exit codes:/, name);
    }
  });

  it('lists the commands with --help and exits 2 without a command', async () => {
    const io = capture();
    assert.equal(await runCli(['--help'], io), 0);
    for (const command of kCommands) assert.ok(io.out().includes(`  ${command.name} `));
    assert.equal(await runCli([], capture()), 2);
  });

  it('exits 2 for an unknown command or option, naming the help to read', async () => {
    const unknown = capture();
    assert.equal(await runCli(['serve'], unknown), 2);
    assert.match(unknown.err(), /unknown command "serve"/);
    const badOption = capture();
    assert.equal(await runCli(['status', '--verbose'], badOption), 2);
    assert.match(badOption.err(), /tessera status: .*--verbose.*see "tessera status --help"/);
  });

  it('exits 3 when no daemon runs, saying how to start one', async () => {
    const io = capture({ XDG_RUNTIME_DIR: runtimeDir });
    assert.equal(await runCli(['query', 'test/fixtures', 'def', 'x'], io), 3);
    assert.match(io.err(), /No daemon is running for .*test\/fixtures\. Start one with: tessera start .*test\/fixtures/);
  });

  it('runs stress as a command: an unknown scenario is a usage error', async () => {
    const io = capture();
    assert.equal(await runCli(['stress', '--scenario', 'nope'], io), 2);
    assert.match(io.err(), /nope/);
  });

  it('reports the version in package.json', async () => {
    const io = capture();
    await runCli(['--version'], io);
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { version: string };
    assert.equal(kVersion, pkg.version);
    assert.equal(io.out(), `tessera ${pkg.version}\n`);
  });
});
