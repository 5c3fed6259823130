#!/usr/bin/env node
// Measures parse and parse+tags throughput on ONE thread (what one parse worker does), on real
// files found on this machine. Files are read into memory first: I/O is not timed.
// Usage: npm run -s build && node scripts/measure-parse.mjs [maxMbPerCorpus=20]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'web-tree-sitter';
import { loadGrammar, parseSource } from '../dist/actors/graph/parse/index.js';

const maxBytes = Number(process.argv[2] ?? 20) * 1e6;
const corpora = [
  { name: 'TypeScript (.ts/.d.ts in node_modules)', language: 'typescript', root: 'node_modules', ext: /\.ts$/ },
  { name: 'JavaScript (.js in node_modules)', language: 'javascript', root: 'node_modules', ext: /\.js$/ },
  { name: 'typescript/lib/*.js (8.7 MB typescript.js included)', language: 'javascript', root: 'node_modules/typescript/lib', ext: /\.js$/, depth: 0, noLimit: true },
  { name: 'Python 3.11 stdlib', language: 'python', root: '/usr/lib/python3.11', ext: /\.py$/ },
  { name: 'C headers (/usr/include, .h)', language: 'c', root: '/usr/include', ext: /\.h$/, skip: /c\+\+/ },
  { name: 'C++ (libstdc++ headers)', language: 'cpp', root: '/usr/include/c++', ext: /./ },
  { name: 'Go (git contrib)', language: 'go', root: '/usr/share/doc/git/contrib', ext: /\.go$/ },
];

function* walk(dir, ext, skip, depth) {
  let names;
  try { names = readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (skip?.test(p)) continue;
    if (e.isDirectory() && depth !== 0) yield* walk(p, ext, skip, depth === undefined ? undefined : depth - 1);
    else if (e.isFile() && ext.test(e.name)) yield p;
  }
}

function load(c) {
  const files = [];
  let total = 0;
  for (const p of walk(c.root, c.ext, c.skip, c.depth)) {
    const size = statSync(p).size;
    if (!c.noLimit && size > 1 << 20) continue;
    const buf = readFileSync(p);
    if (buf.subarray(0, 8192).includes(0)) continue;
    files.push({ path: p, text: buf.toString('utf8'), bytes: size });
    total += size;
    if (total >= maxBytes) break;
  }
  return { files, total };
}

const pct = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
console.log(`node ${process.version}, one thread, web-tree-sitter ${JSON.parse(readFileSync('node_modules/web-tree-sitter/package.json', 'utf8')).version}`);
console.log('| corpus | files | MB | parse MB/s | parse+tags MB/s | files/s | p50 / p99 / max ms per file | defs | refs | imports | syntax errors |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const c of corpora) {
  const { files, total } = load(c);
  if (files.length === 0) { console.log(`| ${c.name} | not on this machine |`); continue; }
  const grammar = await loadGrammar(c.language);
  const parser = new Parser();
  parser.setLanguage(grammar.language);
  for (const f of files.slice(0, 20)) await parseSource(f.path, f.text, { language: c.language, timeoutMs: 60_000 }); // warm-up
  let t0 = performance.now();
  for (const f of files) parser.parse(f.text)?.delete();
  const parseMs = performance.now() - t0;
  const per = [];
  let defs = 0, refs = 0, imports = 0, errors = 0;
  t0 = performance.now();
  for (const f of files) {
    const s = performance.now();
    const tags = await parseSource(f.path, f.text, { language: c.language, bytes: f.bytes, timeoutMs: 60_000 });
    per.push(performance.now() - s);
    defs += tags.defs.length; refs += tags.refs.length; imports += tags.imports.length;
    if (tags.error) errors++;
  }
  const tagsMs = performance.now() - t0;
  per.sort((a, b) => a - b);
  const mb = total / 1e6;
  console.log(`| ${c.name} | ${files.length} | ${mb.toFixed(1)} | ${(mb / (parseMs / 1000)).toFixed(1)} | ${(mb / (tagsMs / 1000)).toFixed(1)} | ${Math.round(files.length / (tagsMs / 1000))} | ${pct(per, 0.5).toFixed(2)} / ${pct(per, 0.99).toFixed(1)} / ${per[per.length - 1].toFixed(0)} | ${defs} | ${refs} | ${imports} | ${errors} |`);
}
console.log(`rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
