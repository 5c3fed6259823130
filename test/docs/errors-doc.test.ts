import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { errorTemplates } from '../../protocol/index.js';

// Compiled to dist/test/docs/: the sources and docs are three levels up.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8');
const codes = Object.keys(errorTemplates);
const headings = [...doc.matchAll(/^### (ERR_[A-Z0-9_]+)\s*$/gm)].map((m) => m[1]!);

/**
 * Codes that are not ours but that our code checks by name, e.g. Node's own `err.code` values
 * (`ERR_WORKER_OUT_OF_MEMORY`). Add one here, with where it comes from, when code needs it.
 */
const kForeignCodes: ReadonlySet<string> = new Set<string>([]);

function sources(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // the folder does not exist yet
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('docs/errors.md', () => {
  it('documents every code in the error table', () => {
    const missing = codes.filter((code) => !headings.includes(code));
    assert.deepEqual(missing, [], `add a "### CODE" entry with cause and fix to docs/errors.md for: ${missing.join(', ')}`);
  });

  it('documents only codes that are in the error table', () => {
    const unknown = headings.filter((heading) => !codes.includes(heading));
    assert.deepEqual(unknown, [], `these headings name no code in protocol/errors/: ${unknown.join(', ')}`);
  });

  it('documents each code once', () => {
    const twice = headings.filter((heading, i) => headings.indexOf(heading) !== i);
    assert.deepEqual(twice, []);
  });

  it('gives each code a cause and a fix', () => {
    const sections = doc.split(/^### /m).slice(1);
    for (const section of sections) {
      const code = section.slice(0, section.indexOf('\n')).trim();
      assert.match(section, /\*\*Cause:\*\*/, `${code} has no **Cause:**`);
      assert.match(section, /\*\*Fix:\*\*/, `${code} has no **Fix:**`);
    }
  });
});

describe('ERR_* names in the sources', () => {
  it('are all codes of the error table (or a prefix of some, such as ERR_PROTO_*)', () => {
    const stray: string[] = [];
    for (const folder of ['protocol', 'runtime', 'actors', 'cli']) {
      for (const file of sources(join(root, folder))) {
        for (const [name] of readFileSync(file, 'utf8').matchAll(/\bERR_[A-Z0-9_]+/g)) {
          const known = name.endsWith('_') ? codes.some((code) => code.startsWith(name)) : codes.includes(name) || kForeignCodes.has(name);
          if (!known) stray.push(`${relative(root, file)}: ${name}`);
        }
      }
    }
    assert.deepEqual(stray, [], 'add these codes to protocol/errors/ (and docs/errors.md), or fix the names');
  });
});
