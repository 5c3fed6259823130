/**
 * A naive reference model of the partition index for property tests: plain arrays of FileTags,
 * every query answered by reading everything. Only the glob matcher and the import resolver's
 * candidate lists are shared with the index (both have their own unit tests).
 *
 * @module
 */

import { createImportResolver, PathFilter, type Completion, type DefHit, type FileTags, type ImportEdge, type ImporterEdge, type RefHit, type SearchMatch, type SearchQuery } from '../actors/graph/index/index.js';

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The live files of a model repository. */
export class RepoModel {
  readonly files = new Map<string, FileTags>();
  readonly resolver = createImportResolver();

  constructor(files: readonly FileTags[] = []) {
    for (const f of files) this.files.set(f.path, f);
  }

  /** Removals first, then upserts (last wins), as PartitionIndex.update() does. */
  apply(change: { upsert: readonly FileTags[]; remove: readonly string[] }): void {
    for (const p of change.remove) this.files.delete(p);
    for (const f of change.upsert) this.files.set(f.path, f);
  }

  sorted(): FileTags[] {
    return [...this.files.values()].sort(byPath);
  }

  def(name: string, limit: number): { hits: DefHit[]; total: number } {
    const all = this.sorted().flatMap((f) => [...f.defs].sort((a, b) => a.line - b.line || a.column - b.column).filter((d) => d.name === name).map((d) => ({ ...d, path: f.path })));
    return { hits: all.slice(0, limit), total: all.length };
  }

  refs(name: string, limit: number): { hits: RefHit[]; total: number } {
    const all = this.sorted().flatMap((f) => [...f.refs].sort((a, b) => a.line - b.line || a.column - b.column).filter((r) => r.name === name).map((r) => ({ name, path: f.path, line: r.line, column: r.column })));
    return { hits: all.slice(0, limit), total: all.length };
  }

  complete(prefix: string, k: number): Completion[] {
    const counts = new Map<string, { defs: number; refs: number }>();
    for (const f of this.files.values()) {
      for (const d of f.defs) counts.set(d.name, { defs: (counts.get(d.name)?.defs ?? 0) + 1, refs: counts.get(d.name)?.refs ?? 0 });
      for (const r of f.refs) counts.set(r.name, { defs: counts.get(r.name)?.defs ?? 0, refs: (counts.get(r.name)?.refs ?? 0) + 1 });
    }
    const key = (n: string) => [n.startsWith(prefix) ? 0 : 1, -(counts.get(n)!.defs + counts.get(n)!.refs), Buffer.byteLength(n)] as const;
    return [...counts.keys()]
      .filter((n) => n.toLowerCase().startsWith(prefix.toLowerCase()))
      .sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        const fa = a.toLowerCase();
        const fb = b.toLowerCase();
        return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || (fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0);
      })
      .slice(0, Math.max(0, k))
      .map((name) => ({ name, ...counts.get(name)! }));
  }

  resolve(spec: string, from: FileTags): string | null {
    for (const c of this.resolver.candidates(spec, from.path, from.language)) {
      if (c.endsWith('/') ? [...this.files.values()].some((f) => f.language === from.language && dirOf(f.path) === c) : this.files.has(c)) return c;
    }
    return null;
  }

  imports(path: string): ImportEdge[] | null {
    const f = this.files.get(path);
    return f === undefined ? null : f.imports.map((specifier) => ({ specifier, target: this.resolve(specifier, f) }));
  }

  importers(path: string): ImporterEdge[] {
    const target = this.files.get(path);
    if (target === undefined) return [];
    return this.sorted().flatMap((f) =>
      f.imports
        .filter((s) => {
          const r = this.resolve(s, f);
          return r === path || (r === dirOf(path) && f.language === target.language);
        })
        .map((specifier) => ({ path: f.path, specifier })),
    );
  }

  /** Reads every file and runs the patterns line by line. */
  search(q: SearchQuery): { matches: SearchMatch[]; truncated: boolean } {
    const mode = q.mode ?? 'literal';
    const ic = q.ignoreCase === 'smart' ? q.patterns.every((p) => !/\p{Lu}/u.test(mode === 'regex' ? p.replace(/\\./g, '') : p)) : (q.ignoreCase ?? false);
    const source = (p: string) => (mode === 'regex' ? p : p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    const filter = new PathFilter(q.include, q.exclude);
    const all: SearchMatch[] = [];
    for (const f of this.sorted()) {
      if (!filter.matches(f.path)) continue;
      const lines = f.content === '' ? [] : f.content.split('\n');
      if (f.content.endsWith('\n')) lines.pop();
      const found = lines.map((line) => q.patterns.map((p) => [...line.matchAll(new RegExp(source(p), ic ? 'gi' : 'g'))]));
      const fileOk = q.patterns.every((_, i) => found.some((perLine) => perLine[i]!.length > 0));
      lines.forEach((text, i) => {
        const per = found[i]!;
        const ok = q.scope === 'file' ? fileOk && per.some((m) => m.length > 0) : per.every((m) => m.length > 0);
        if (!ok) return;
        const ranges = merge(per.flat().filter((m) => m[0].length > 0).map((m) => [m.index, m.index + m[0].length] as [number, number]));
        all.push({ path: f.path, line: i + 1, column: ranges[0]?.[0] ?? 0, text, ranges });
      });
    }
    const limit = q.limit ?? 100;
    return { matches: all.slice(0, limit), truncated: all.length > limit };
  }
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? './' : `${path.slice(0, i)}/`;
}

function merge(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
