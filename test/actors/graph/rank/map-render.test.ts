import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileHeaderChars, MAX_SIGNATURE_CHARS, renderMap, signatureLine, symbolLineChars } from '../../../../actors/graph/rank/map-render.js';
import type { RepoMap } from '../../../../actors/graph/rank/repo-map.js';

describe('renderMap()', () => {
  it('writes each file as its path and a colon, then its signature lines indented', () => {
    const map: RepoMap = {
      tokens: 0,
      files: [
        { file: 'src/b.ts', rank: 0.6, symbols: [{ name: 'B', kind: 'class', line: 3, signature: 'export class B {', rank: 0.1 }] },
        {
          file: 'src/a.ts',
          rank: 0.4,
          symbols: [
            { name: 'f', kind: 'function', line: 1, signature: 'function f(x: number): number', rank: 0.2 },
            { name: 'g', kind: 'function', line: 9, signature: 'const g = () =>', rank: 0.05 },
          ],
        },
      ],
    };

    const text = renderMap(map);

    assert.equal(text, 'src/b.ts:\n  export class B {\nsrc/a.ts:\n  function f(x: number): number\n  const g = () =>\n');
    const parts = map.files.reduce((n, f) => n + fileHeaderChars(f.file) + f.symbols.reduce((m, s) => m + symbolLineChars(s.signature), 0), 0);
    assert.equal(text.length, parts);
    assert.equal(renderMap({ files: [], tokens: 0 }), '');
  });
});

describe('signatureLine()', () => {
  it('keeps the first non-blank line, trimmed, and falls back to kind and name', () => {
    const d = { name: 'f', kind: 'function', line: 1 };

    assert.equal(signatureLine({ ...d, signature: '\n   export function f(\r\n  a: number,\n' }), 'export function f(');
    assert.equal(signatureLine({ ...d, signature: '  \t ' }), 'function f');
    assert.equal(signatureLine({ name: '', kind: '', line: 1, signature: '' }), '?');
  });

  it('cuts lines longer than MAX_SIGNATURE_CHARS with an ellipsis', () => {
    const line = signatureLine({ name: 'x', kind: 'variable', line: 1, signature: `const x = ${'1,'.repeat(500)}` });

    assert.equal(line.length, MAX_SIGNATURE_CHARS);
    assert.ok(line.endsWith('…'));
  });
});
