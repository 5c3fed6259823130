import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isTesseraError } from '../../../../protocol/index.js';
import { nodeScanFs, scanTree, type ScanOptions, type TreeScan } from '../../../../actors/graph/scan/index.js';

const temp = mkdtempSync(join(tmpdir(), 'tessera-scan-'));
after(() => rmSync(temp, { recursive: true, force: true }));
let treeCount = 0;

/** Writes a tree: string or byte values are files, `{ link }` values are symbolic links. */
function makeTree(spec: Record<string, string | Uint8Array | { link: string }>): string {
  const root = join(temp, `t${treeCount++}`);
  mkdirSync(root);
  for (const [path, value] of Object.entries(spec)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof value === 'object' && 'link' in value) symlinkSync(value.link, abs);
    else writeFileSync(abs, value);
  }
  return root;
}

async function collect(scan: TreeScan): Promise<string[]> {
  const out: string[] = [];
  for await (const file of scan) out.push(file.path);
  return out.sort();
}

async function scanPaths(root: string, options: ScanOptions = {}): Promise<{ files: string[]; scan: TreeScan }> {
  const scan = scanTree(root, options);
  return { files: await collect(scan), scan };
}

describe('scanTree()', () => {
  it('honours nested .gitignore files and .tesseraignore, and always skips .git', async () => {
    const root = makeTree({
      '.gitignore': '*.log\nbuild/\n/only-root.txt\n',
      '.tesseraignore': 'vendor/\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
      'a.ts': 'x',
      'a.log': 'x',
      'only-root.txt': 'x',
      'build/out.js': 'x',
      'vendor/lib.js': 'x',
      'pkg/only-root.txt': 'x',
      'pkg/.gitignore': '!keep.log\n*.gen.ts\n',
      'pkg/keep.log': 'x',
      'pkg/other.log': 'x',
      'pkg/x.gen.ts': 'x',
      'pkg/sub/y.gen.ts': 'x',
      'pkg/sub/y.ts': 'x',
    });

    const { files, scan } = await scanPaths(root);

    assert.deepEqual(files, ['.gitignore', '.tesseraignore', 'a.ts', 'pkg/.gitignore', 'pkg/keep.log', 'pkg/only-root.txt', 'pkg/sub/y.ts']);
    assert.deepEqual(scan.problems, []);
    assert.equal(scan.stats.ignored, 7);
  });

  it('applies .git/info/exclude and ignorePatterns with the lowest precedence', async () => {
    const root = makeTree({ '.git/info/exclude': 'secret.txt\n', 'secret.txt': 'x', 'a.tmp': 'x', 'b.tmp': 'x', '.gitignore': '!b.tmp\n' });

    const { files } = await scanPaths(root, { ignorePatterns: ['*.tmp'] });

    assert.deepEqual(files, ['.gitignore', 'b.tmp']);
  });

  it('agrees with `git ls-files --others --exclude-standard` on nested ignore files', async (t) => {
    if (spawnSync('git', ['--version']).status !== 0) return t.skip('git is not installed');
    const root = makeTree({
      '.gitignore': '*.o\n/dist\nlogs/**\n!logs/keep/\ndocs/**/*.tmp\n[Tt]emp*\n',
      'a.c': 'x', 'a.o': 'x', 'dist/x.js': 'x', 'src/dist/y.js': 'x',
      'logs/a.txt': 'x', 'logs/keep/b.txt': 'x',
      'docs/a.tmp': 'x', 'docs/x/y/b.tmp': 'x', 'docs/x/ok.md': 'x',
      'Temp1/z': 'x', 'temp2': 'x', 'tEmp3': 'x',
      'sub/.gitignore': '!*.o\n/local\n*.md\n',
      'sub/b.o': 'x', 'sub/local/q': 'x', 'sub/deep/local/r': 'x', 'sub/README.md': 'x',
      'sub/deep/.gitignore': '!README.md\n', 'sub/deep/README.md': 'x',
    });
    spawnSync('git', ['init', '-q'], { cwd: root });
    const git = spawnSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });

    const { files } = await scanPaths(root);

    assert.deepEqual(files, git.stdout.split('\n').filter(Boolean).sort());
  });

  it('reports symlink loops without following them, and lists each file once', async () => {
    const root = makeTree({ 'a/f.txt': 'x', 'a/up': { link: '..' }, 'a/self': { link: '.' } });

    const { files, scan } = await scanPaths(root);

    assert.deepEqual(files, ['a/f.txt']);
    assert.deepEqual(scan.problems.map((p) => [p.code, p.path]), [['ERR_GRAPH_SYMLINK_LOOP', 'a/self'], ['ERR_GRAPH_SYMLINK_LOOP', 'a/up']]);
  });

  it('follows a link to an outside directory once, and not links to directories inside the root', async () => {
    const outside = makeTree({ 'o.txt': 'x' });
    const root = makeTree({ 'in/f.txt': 'x', 'l1': { link: outside }, 'l2': { link: outside }, 'l3': { link: 'in' }, 'lf.txt': { link: 'in/f.txt' } });

    const { files, scan } = await scanPaths(root);

    assert.deepEqual(files, ['in/f.txt', 'l1/o.txt', 'lf.txt']);
    assert.equal(scan.stats.linksSkipped, 2);
  });

  it('follows no links with followSymlinks: false', async () => {
    const root = makeTree({ 'f.txt': 'x', 'lf.txt': { link: 'f.txt' } });

    const { files } = await scanPaths(root, { followSymlinks: false });

    assert.deepEqual(files, ['f.txt']);
  });

  it('reports a dangling link and keeps scanning', async () => {
    const root = makeTree({ 'gone': { link: 'nowhere' }, 'z.txt': 'x' });

    const { files, scan } = await scanPaths(root);

    assert.deepEqual(files, ['z.txt']);
    assert.equal(scan.problems[0]!.code, 'ERR_GRAPH_PATH_UNREADABLE');
    assert.equal(scan.problems[0]!.details['op'], 'follow link');
  });

  it('skips binary files and files over the size limit, reporting each', async () => {
    const root = makeTree({ 'img.png': new Uint8Array([0x89, 0x50, 0x00, 0x47]), 'big.txt': 'y'.repeat(2000), 'ok.txt': 'x', 'empty.txt': '' });

    const { files, scan } = await scanPaths(root, { maxFileBytes: 1000 });

    assert.deepEqual(files, ['empty.txt', 'ok.txt']);
    assert.deepEqual(scan.problems.map((p) => [p.code, p.path]).sort(), [['ERR_GRAPH_FILE_BINARY', 'img.png'], ['ERR_GRAPH_FILE_TOO_LARGE', 'big.txt']]);
    assert.equal(scan.problems.find((p) => p.code === 'ERR_GRAPH_FILE_BINARY')!.details['offset'], 2);
    assert.deepEqual([scan.stats.files, scan.stats.bytes, scan.stats.binary, scan.stats.tooLarge], [2, 1, 1, 1]);
  });

  it('reports an unreadable directory and keeps scanning (injected EACCES)', async () => {
    const root = makeTree({ 'locked/a.txt': 'x', 'open/b.txt': 'x' });
    const fs = {
      ...nodeScanFs,
      readdir: (path: string) =>
        path.endsWith('locked') ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' })) : nodeScanFs.readdir(path),
    };

    const { files, scan } = await scanPaths(root, { fs });

    assert.deepEqual(files, ['open/b.txt']);
    assert.deepEqual(scan.problems.map((p) => [p.code, p.path, p.details['op']]), [['ERR_GRAPH_PATH_UNREADABLE', 'locked', 'read directory']]);
  });

  it('reports a directory made unreadable with chmod 000', { skip: process.getuid?.() === 0 ? 'running as root: chmod 000 does not stop root from reading' : false }, async () => {
    const root = makeTree({ 'locked/a.txt': 'x', 'b.txt': 'x' });
    chmodSync(join(root, 'locked'), 0o000);
    try {
      const { files, scan } = await scanPaths(root);

      assert.deepEqual(files, ['b.txt']);
      assert.equal(scan.problems[0]!.code, 'ERR_GRAPH_PATH_UNREADABLE');
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('streams: the first file arrives before deeper directories are read', async () => {
    const root = makeTree({ 'a.txt': 'x', 'd1/b.txt': 'x', 'd2/c.txt': 'x' });
    let reads = 0;
    const fs = { ...nodeScanFs, readdir: (path: string) => (reads++, nodeScanFs.readdir(path)) };
    const iterator = scanTree(root, { fs })[Symbol.asyncIterator]();

    const first = await iterator.next();

    assert.equal(first.value?.path, 'a.txt');
    assert.equal(reads, 1);
    await iterator.return?.();
  });

  it('rejects a root that is not a directory with ERR_GRAPH_SCAN_ROOT, and a second iteration with a TypeError', async () => {
    const root = makeTree({ 'f.txt': 'x' });
    const scan = scanTree(join(root, 'f.txt'));

    await assert.rejects(collect(scan), (err) => isTesseraError(err, 'ERR_GRAPH_SCAN_ROOT'));
    assert.throws(() => scan[Symbol.asyncIterator](), TypeError);
  });
});
