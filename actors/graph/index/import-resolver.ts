/**
 * Import resolution: which repository file (or, for Go, which package directory) an import
 * specifier names. A resolver lists candidate paths, most preferred first; the index picks the
 * first that exists. Candidates ending in `/` are directories (see {@link dirKey}), which match
 * the files of the importer's language directly inside them.
 *
 * Reverse edges are found without resolving every import again: each import is filed under the
 * {@link resolutionKey}s of its candidates, and a file is looked up under its {@link targetKeys};
 * the few imports found are then resolved to confirm.
 *
 * @module
 */

import { basename, dirKey, dirname, joinPath } from './path-utils.js';

/** Maps import specifiers to candidate target paths. */
export interface ImportResolver {
  /** Names the rules; a snapshot taken with one resolver cannot be restored with another. */
  readonly id: string;
  /**
   * @param specifier The raw specifier, e.g. `./util.js`.
   * @param fromPath The importing file.
   * @param language The importing file's language.
   * @returns Candidate targets, most preferred first; empty for external imports.
   */
  candidates(specifier: string, fromPath: string, language: string): readonly string[];
}

/** Options of the default resolver. */
export interface ImportResolverOptions {
  /** The Go module path from `go.mod`, so `example.com/m/pkg/x` resolves to `pkg/x/`. */
  readonly goModule?: string;
}

const JS_LANGUAGES = new Set(['typescript', 'tsx', 'javascript', 'jsx']);
const JS_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json'];
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/**
 * The default resolver: relative imports in TypeScript/JavaScript (`./x` → `x.ts`, `x/index.ts`,
 * `./x.js` → `x.ts`), Python (`.x`, `..a.b`, and `a.b` from the root), Go (`./x` and paths under
 * `goModule`), Rust (`crate::`, `self::`, `super::` paths, longest module prefix first), C/C++
 * (`"x.h"` next to the file, then from the root) and Java (`a.b.C` under the root, `src/` or
 * `src/main/java/`).
 *
 * @param options Resolver options.
 * @returns The resolver.
 */
export function createImportResolver(options: ImportResolverOptions = {}): ImportResolver {
  const goModule = options.goModule;
  return {
    id: `tessera-default-1${goModule === undefined ? '' : ` go:${goModule}`}`,
    candidates(specifier, fromPath, language) {
      if (JS_LANGUAGES.has(language)) return jsCandidates(specifier, fromPath);
      if (language === 'python') return pythonCandidates(specifier, fromPath);
      if (language === 'go') return goCandidates(specifier, fromPath, goModule);
      if (language === 'rust') return rustCandidates(specifier, fromPath);
      if (language === 'c' || language === 'cpp') return cCandidates(specifier, fromPath);
      if (language === 'java') return javaCandidates(specifier);
      return [];
    },
  };
}

/**
 * The key an import is filed under for one candidate: the path without extensions and without
 * a trailing `/index`, `/__init__` or `/mod`, so all candidates of one import usually share one
 * key. Directory candidates are their own key.
 */
export function resolutionKey(candidate: string): string {
  if (candidate.endsWith('/')) return candidate;
  const slash = candidate.lastIndexOf('/');
  const dot = candidate.indexOf('.', slash + 2);
  const stem = dot < 0 ? candidate : candidate.slice(0, dot);
  return stem.replace(/\/(?:index|__init__|mod)$/, '');
}

/** The keys under which imports of `path` are filed: its own key and its directory's. */
export function targetKeys(path: string): [string, string] {
  return [resolutionKey(path), dirKey(dirname(path))];
}

function jsCandidates(spec: string, from: string): string[] {
  if (!(spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../'))) return [];
  const base = joinPath(dirname(from), spec);
  if (base === null) return [];
  const out: string[] = [];
  const ext = /\.[mc]?jsx?$/.exec(base)?.[0];
  if (ext !== undefined) for (const ts of JS_TO_TS[ext] ?? []) out.push(base.slice(0, -ext.length) + ts);
  if (base !== '' && !spec.endsWith('/')) {
    out.push(base);
    for (const e of JS_EXTENSIONS) out.push(base + e);
  }
  for (const e of JS_EXTENSIONS) out.push(`${base === '' ? '' : `${base}/`}index${e}`);
  return out;
}

function pythonCandidates(spec: string, from: string): string[] {
  const dots = /^\.*/.exec(spec)![0].length;
  const rest = spec.slice(dots);
  let dir: string | null = '';
  if (dots > 0) dir = joinPath(dirname(from), '../'.repeat(dots - 1));
  if (dir === null || !/^[\w.]*$/.test(rest)) return [];
  const mod = rest === '' ? dir : joinPath(dir, rest.replace(/\./g, '/'));
  if (mod === null) return [];
  const init = mod === '' ? '__init__.py' : `${mod}/__init__.py`;
  return rest === '' ? [init] : [`${mod}.py`, init];
}

function goCandidates(spec: string, from: string, goModule: string | undefined): string[] {
  let dir: string | null = null;
  if (spec.startsWith('./') || spec.startsWith('../')) dir = joinPath(dirname(from), spec);
  else if (goModule !== undefined && (spec === goModule || spec.startsWith(`${goModule}/`))) dir = joinPath('', spec.slice(goModule.length));
  return dir === null ? [] : [dirKey(dir)];
}

function rustCandidates(spec: string, from: string): string[] {
  const segs = spec.split('::');
  let dir = rustModuleDir(from);
  let i = 1;
  if (segs[0] === 'crate') {
    const src = from.lastIndexOf('src/');
    dir = src >= 0 && (src === 0 || from[src - 1] === '/') ? from.slice(0, src + 3) : '';
  } else if (segs[0] === 'super') {
    for (i = 0; segs[i] === 'super' && dir !== null; i++) dir = joinPath(dir, '..');
  } else if (segs[0] !== 'self') return [];
  const path = segs.slice(i);
  const cut = path.findIndex((s) => !/^\w+$/.test(s));
  const mods = cut < 0 ? path : path.slice(0, cut);
  const out: string[] = [];
  for (let k = mods.length; k >= 1 && dir !== null; k--) {
    const p = joinPath(dir, mods.slice(0, k).join('/'));
    if (p !== null) out.push(`${p}.rs`, `${p}/mod.rs`);
  }
  return out;
}

/** The directory holding a Rust file's child modules: `src/a.rs` → `src/a`, `src/a/mod.rs` → `src/a`. */
function rustModuleDir(from: string): string | null {
  const name = basename(from);
  if (/^(?:mod|lib|main)\.rs$/.test(name)) return dirname(from);
  return joinPath(dirname(from), name.replace(/\.rs$/, ''));
}

function cCandidates(spec: string, from: string): string[] {
  const s = spec.replace(/^"|"$/g, '');
  if (s.startsWith('<')) return [];
  const out = new Set<string>();
  for (const p of [joinPath(dirname(from), s), joinPath('', s)]) if (p !== null && p !== '') out.add(p);
  return [...out];
}

function javaCandidates(spec: string): string[] {
  if (!/^[\w.]+$/.test(spec)) return [];
  const p = `${spec.replace(/\./g, '/')}.java`;
  return [p, `src/${p}`, `src/main/java/${p}`];
}
