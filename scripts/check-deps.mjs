#!/usr/bin/env node
// Enforces the dependency direction protocol <- runtime <- actors <- cli:
//  - protocol/ imports no runtime/, actors/, cli/, xstate, node:worker_threads or I/O modules;
//  - runtime/ imports no actors/ or cli/ (it knows nothing about code graphs);
//  - actors/ imports no cli/;
//  - a cross-folder import goes through that folder's index.ts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const layers = ['protocol', 'runtime', 'actors', 'cli'];
const forbiddenPackages = {
  protocol: ['xstate', 'node:worker_threads', 'worker_threads', 'node:fs', 'fs', 'node:net', 'node:child_process', 'piscina', 'chokidar'],
  runtime: [],
  actors: [],
  cli: [],
};

function files(dir) {
  let out = [];
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(files(p));
    else if (n.endsWith('.ts') && !n.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const importRe = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems = [];
for (const layer of layers) {
  const allowed = layers.slice(0, layers.indexOf(layer));
  for (const file of files(join(root, layer))) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(importRe)) {
      const spec = m[1] ?? m[2];
      const where = `${relative(root, file)}: imports "${spec}"`;
      if (forbiddenPackages[layer].includes(spec)) problems.push(`${where}, which ${layer}/ may not use`);
      if (!spec.startsWith('.')) continue;
      const target = relative(root, resolve(dirname(file), spec));
      const targetLayer = target.split(sep)[0];
      if (targetLayer === layer) continue;
      if (!layers.includes(targetLayer)) continue;
      if (!allowed.includes(targetLayer)) problems.push(`${where}: ${layer}/ may not depend on ${targetLayer}/`);
      else if (target !== join(targetLayer, 'index.js')) problems.push(`${where}: cross-folder imports go through ${targetLayer}/index.ts`);
    }
  }
}
if (problems.length) {
  console.error(`Dependency direction violated (${problems.length}):\n  ` + problems.join('\n  '));
  process.exit(1);
}
console.log('check-deps: protocol <- runtime <- actors <- cli holds');
