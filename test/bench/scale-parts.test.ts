import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { growthExponent } from '../../bench/scale/growth.js';
import { stripDebianIgnoreBlock } from '../../bench/scale/kernel-corpus.js';
import { eighthOf, inSample, nestedSample } from '../../bench/scale/nested-subsets.js';
import { scaleBenchRows } from '../../bench/scale/scale-bench-rows.js';

describe('growthExponent()', () => {
  it('fits log-log slopes: 1 for linear, 2 for quadratic, 0 for flat', () => {
    const sizes = [1e6, 2e6, 4e6, 8e6];
    assert.ok(Math.abs(growthExponent(sizes, sizes.map((x) => 3 * x)) - 1) < 1e-12);
    assert.ok(Math.abs(growthExponent(sizes, sizes.map((x) => x * x)) - 2) < 1e-12);
    assert.ok(Math.abs(growthExponent(sizes, [5, 5, 5, 5])) < 1e-12);
  });

  it('rejects what it cannot fit', () => {
    assert.throws(() => growthExponent([1], [1]), RangeError);
    assert.throws(() => growthExponent([1, 2], [1]), RangeError);
    assert.throws(() => growthExponent([1, 2], [0, 1]), RangeError);
    assert.throws(() => growthExponent([3, 3], [1, 2]), /all sizes are equal/);
  });
});

describe('nested samples', () => {
  it('nests: every path in the sample of k eighths is in the sample of 2k, and ignore files are in all', () => {
    const paths = Array.from({ length: 2000 }, (_, i) => `dir${i % 13}/file${i}.c`);
    for (const k of [1, 2, 4]) for (const p of paths) if (inSample(p, k)) assert.ok(inSample(p, 2 * k), p);
    const shares = [1, 2, 4].map((k) => paths.filter((p) => inSample(p, k)).length / paths.length);
    shares.forEach((share, i) => assert.ok(Math.abs(share - 2 ** i / 8) < 0.04, `share ${share} for ${2 ** i}/8`));
    assert.ok(inSample('any/where/.gitignore', 1));
    assert.ok(paths.every((p) => eighthOf(p) >= 0 && eighthOf(p) < 8));
  });

  it('builds a sample tree of hard links once and reuses it while the stamp holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-sample-'));
    try {
      const src = join(dir, 'src');
      mkdirSync(join(src, 'sub'), { recursive: true });
      const paths = Array.from({ length: 64 }, (_, i) => `sub/f${i}.c`);
      for (const p of paths) writeFileSync(join(src, p), p);
      writeFileSync(join(src, '.gitignore'), '*.o\n');
      const root = nestedSample(src, join(dir, 'cache'), 'c', 2, 'v1');
      const got = readdirSync(join(root, 'sub')).map((f) => `sub/${f}`).sort();
      assert.deepEqual(got, paths.filter((p) => inSample(p, 2)).sort());
      assert.ok(statSync(join(root, '.gitignore')).isFile());
      assert.equal(statSync(join(root, got[0]!)).ino, statSync(join(src, got[0]!)).ino); // a link, not a copy
      writeFileSync(join(root, 'marker-of-reuse'), '');
      assert.equal(nestedSample(src, join(dir, 'cache'), 'c', 2, 'v1'), root);
      assert.ok(statSync(join(root, 'marker-of-reuse')).isFile());
      nestedSample(src, join(dir, 'cache'), 'c', 2, 'v2');
      assert.throws(() => statSync(join(root, 'marker-of-reuse')), /ENOENT/); // rebuilt for a new stamp
      assert.equal(nestedSample(src, join(dir, 'cache'), 'c', 8, 'v2'), src);
      assert.throws(() => nestedSample(src, join(dir, 'cache'), 'c', 3.5, 'v2'), RangeError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stripDebianIgnoreBlock()', () => {
  it("removes Debian's ignore-everything block and keeps the kernel's own rules", () => {
    const kernel = '# Normal rules\n.*\n*.o\n\n# Rust analyzer configuration\n/rust-project.json\n';
    const debian = `${kernel}\n#\n# Debian packaging: ignore everything at the top level, since it isn't\n# included in our repository\n#\n/*\n!/debian/\n`;
    assert.equal(stripDebianIgnoreBlock(debian), `${kernel}\n`);
    assert.equal(stripDebianIgnoreBlock(kernel), kernel);
  });
});

describe('scaleBenchRows()', () => {
  it('marks each size against the targets and the exponents', () => {
    const rows = scaleBenchRows({
      memory_budget_mb: 1024,
      fraction: [0.5, 1],
      lines: [1e6, 2e6],
      index_s: [10, 21],
      ctags_s: [2, NaN],
      rss_mb_peak: [900, 1100],
      def_p99_us: [800, 1200],
      search_p50_ms: [1, 3],
      rg_ms: [2, 2],
      growth_exponent_index: 1.07,
      growth_exponent_rss: 0.29,
    });
    const by = new Map(rows.map((r) => [r.metric, r]));
    assert.equal(by.has('1/2 (1.0M lines) def p99, first 300 after open'), false, 'results from before the first set was timed');
    assert.equal(by.get('1/2 (1.0M lines) index')!.ratio, 5);
    assert.equal(by.get('1/2 (1.0M lines) index')!.met, false);
    assert.equal(by.get('all (2.0M lines) index')!.met, undefined); // no ctags figure, no verdict
    assert.equal(by.get('1/2 (1.0M lines) peak RSS')!.met, true);
    assert.equal(by.get('all (2.0M lines) peak RSS')!.met, false);
    assert.equal(by.get('1/2 (1.0M lines) def p99')!.met, true);
    assert.equal(by.get('all (2.0M lines) def p99')!.met, false);
    assert.equal(by.get('1/2 (1.0M lines) search p50')!.met, true);
    assert.equal(by.get('all (2.0M lines) search p50')!.met, false);
    assert.equal(by.get('growth exponent, index time')!.met, false);
  });

  it('shows def p99 right after open beside the steady figure, with no verdict of its own', () => {
    const rows = scaleBenchRows({ memory_budget_mb: 1024, fraction: [1], lines: [2e6], index_s: [21], ctags_s: [2], rss_mb_peak: [900], def_p99_us: [700], def_p99_first_us: [1500], search_p50_ms: [1], rg_ms: [2], growth_exponent_index: null, growth_exponent_rss: null });
    const by = new Map(rows.map((r) => [r.metric, r]));
    assert.equal(by.get('all (2.0M lines) def p99')!.met, true);
    assert.deepEqual(by.get('all (2.0M lines) def p99, first 300 after open'), { metric: 'all (2.0M lines) def p99, first 300 after open', value: 1500, unit: 'µs' });
  });
});
