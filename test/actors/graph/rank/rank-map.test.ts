import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileFacts } from '../../../../actors/graph/rank/graph-facts.js';
import { renderMap } from '../../../../actors/graph/rank/map-render.js';
import { rankMap } from '../../../../actors/graph/rank/rank-map.js';
import type { RepoMap } from '../../../../actors/graph/rank/repo-map.js';
import { estimateTokens } from '../../../../actors/graph/rank/token-budget.js';

const d = (name: string, kind: string, line: number, signature: string): { name: string; kind: string; line: number; signature: string } => ({ name, kind, line, signature });

/** main → api, util; api → util; util calls its own helper. */
const repo: FileFacts[] = [
  { file: 'src/main.ts', defs: [d('main', 'function', 1, 'export function main(argv: string[]): void {')], refs: [['fetchUser', 1], ['formatDate', 1]] },
  {
    file: 'src/api.ts',
    defs: [d('fetchUser', 'function', 5, 'export async function fetchUser(id: string): Promise<User> {\n  return get(id);'), d('User', 'interface', 1, 'export interface User {')],
    refs: [['formatDate', 2], ['pad', 1]],
  },
  { file: 'src/util.ts', defs: [d('formatDate', 'function', 3, 'export function formatDate(d: Date): string {'), d('pad', 'function', 10, 'function pad(n: number): string {')], refs: [['pad', 4]] },
];

const chosen = (map: RepoMap): string[] => map.files.flatMap((f) => f.symbols.map((s) => `${f.file}#${s.name}@${s.line}`));
const symbolRank = (map: RepoMap, name: string): number => map.files.flatMap((f) => f.symbols).find((s) => s.name === name)!.rank;
const fileRank = (map: RepoMap, file: string): number => map.files.find((f) => f.file === file)!.rank;

describe('rankMap()', () => {
  it('renders every definition, most referenced file first, when the budget allows', () => {
    const map = rankMap(repo);

    assert.equal(
      renderMap(map),
      [
        'src/util.ts:',
        '  export function formatDate(d: Date): string {',
        '  function pad(n: number): string {',
        'src/api.ts:',
        '  export interface User {',
        '  export async function fetchUser(id: string): Promise<User> {',
        'src/main.ts:',
        '  export function main(argv: string[]): void {',
        '',
      ].join('\n'),
    );
    assert.equal(map.tokens, 65);
    assert.deepEqual(map.files[0]!.symbols[0], { name: 'formatDate', kind: 'function', line: 3, signature: 'export function formatDate(d: Date): string {', rank: map.files[0]!.symbols[0]!.rank });
  });

  it('keeps the highest-ranked definitions that fit a small budget', () => {
    // formatDate alone is 61 chars (16 tokens); adding fetchUser and its file header makes 135 (34).
    assert.deepEqual(chosen(rankMap(repo, { tokens: 33 })), ['src/util.ts#formatDate@3']);
    assert.deepEqual(chosen(rankMap(repo, { tokens: 34 })), ['src/util.ts#formatDate@3', 'src/api.ts#fetchUser@5']);
    assert.deepEqual(rankMap(repo, { tokens: 15 }), { files: [], tokens: 0 });
  });

  it('never exceeds the budget, reports the rendered estimate, and only adds definitions as the budget grows', () => {
    let previous: string[] = [];
    for (let tokens = 0; tokens <= 80; tokens++) {
      const map = rankMap(repo, { tokens });
      const names = chosen(map);

      assert.ok(map.tokens <= tokens, `tokens ${map.tokens} > budget ${tokens}`);
      assert.equal(map.tokens, estimateTokens(renderMap(map)));
      for (const name of previous) assert.ok(names.includes(name), `budget ${tokens} dropped ${name}`);
      previous = names;
    }
  });

  it('raises the rank of mentioned names', () => {
    const plain = rankMap(repo, { tokens: 10_000 });
    const mentioned = rankMap(repo, { tokens: 10_000, mentioned: { names: ['pad'] } });

    assert.ok(symbolRank(mentioned, 'pad') > 5 * symbolRank(plain, 'pad'));
    // At 25 tokens pad (36 more chars) now outranks fetchUser (74 more chars, 34 tokens in all).
    assert.deepEqual(chosen(rankMap(repo, { tokens: 25 })), ['src/util.ts#formatDate@3']);
    assert.deepEqual(chosen(rankMap(repo, { tokens: 25, mentioned: { names: ['pad'] } })), ['src/util.ts#formatDate@3', 'src/util.ts#pad@10']);
  });

  it('personalises towards mentioned files, and ignores unknown ones', () => {
    const plain = rankMap(repo, { tokens: 10_000 });
    const mentioned = rankMap(repo, { tokens: 10_000, mentioned: { files: ['src/main.ts', 'gone.ts'] } });

    assert.ok(fileRank(mentioned, 'src/main.ts') > 2 * fileRank(plain, 'src/main.ts'));
    assert.ok(symbolRank(mentioned, 'fetchUser') > 2 * symbolRank(plain, 'fetchUser'));
    assert.equal(mentioned.files[0]!.file, 'src/main.ts');
    assert.deepEqual(rankMap(repo, { mentioned: { files: ['gone.ts'] } }), plain);
  });

  it('breaks rank ties by path, then name', () => {
    const twins: FileFacts[] = [
      { file: 'b.ts', defs: [d('y', 'function', 1, 'y()'), d('x', 'function', 2, 'x()')], refs: [] },
      { file: 'a.ts', defs: [d('z', 'function', 1, 'z()')], refs: [] },
    ];
    // "a.ts:\n  z()\n" is 12 chars (3 tokens); each further unit adds 6 chars, or 12 with b's header.
    assert.deepEqual(chosen(rankMap(twins, { tokens: 3 })), ['a.ts#z@1']);
    assert.deepEqual(chosen(rankMap(twins, { tokens: 6 })), ['a.ts#z@1', 'b.ts#x@2']);
    assert.deepEqual(chosen(rankMap(twins, { tokens: 8 })), ['a.ts#z@1', 'b.ts#y@1', 'b.ts#x@2']);
  });

  it('lists every definition of a chosen name in its file', () => {
    const overloads: FileFacts[] = [{ file: 'a.ts', defs: [d('f', 'function', 9, 'f(b)'), d('f', 'function', 2, 'f(a)')], refs: [] }];

    assert.deepEqual(chosen(rankMap(overloads)), ['a.ts#f@2', 'a.ts#f@9']);
  });

  it('rejects a negative or non-finite budget', () => {
    for (const tokens of [-1, Number.POSITIVE_INFINITY, Number.NaN]) {
      assert.throws(() => rankMap(repo, { tokens }), { name: 'RangeError', message: `Cannot build a repo map: tokens must be a non-negative number: current value is ${tokens}` });
    }
  });
});
