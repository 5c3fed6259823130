#!/usr/bin/env node
// Runs the compiled tests with node's test runner. Node 20's `--test` takes no globs,
// so the files are collected here. Usage: run-tests.mjs [unit|property] [filter]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [which = 'all', filter = ''] = process.argv.slice(2);
const roots = { unit: ['dist/test'], property: ['dist/property-tests'], all: ['dist/test', 'dist/property-tests'] }[which];
if (!roots) {
  console.error(`Unknown test group "${which}": expected unit, property or all`);
  process.exit(2);
}

function collect(dir) {
  let out = [];
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(collect(p));
    else if (name.endsWith('.test.js') && p.includes(filter)) out.push(p);
  }
  return out;
}

const files = roots.flatMap(collect);
if (files.length === 0) {
  console.error('No compiled test files found: run `npm run build` first');
  process.exit(2);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const r = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
