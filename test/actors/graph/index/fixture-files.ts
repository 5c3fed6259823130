/**
 * Small hand-written repositories with known answers, shared by the index tests.
 *
 * @module
 */

import type { DefTag, FileTags, RefTag } from '../../../../actors/graph/index/index.js';

/** A definition with defaults for the fields a test does not care about. */
export function def(name: string, line: number, extra: Partial<DefTag> = {}): DefTag {
  return { name, kind: 'function', line, column: 0, endLine: line, enclosing: null, signature: `function ${name}()`, ...extra };
}

/** A reference. */
export function ref(name: string, line: number, column = 0): RefTag {
  return { name, line, column };
}

/** A file with defaults. */
export function file(path: string, content: string, extra: Partial<FileTags> = {}): FileTags {
  return { path, language: 'typescript', defs: [], refs: [], imports: [], content, ...extra };
}

/** A TypeScript repository of four files. */
export function tsRepo(): FileTags[] {
  return [
    file('src/app.ts', "import { parse } from './parser.js';\nimport { log } from './util/index.js';\nexport class App {\n  run() {\n    log(parse('x'));\n  }\n}\n", {
      imports: ['./parser.js', './util/index.js', 'node:fs'],
      defs: [def('App', 3, { kind: 'class', endLine: 7, signature: 'export class App {' }), def('run', 4, { kind: 'method', column: 2, endLine: 6, enclosing: 'App', signature: 'run() {' })],
      refs: [ref('log', 5, 4), ref('parse', 5, 8)],
    }),
    file('src/parser.ts', "export function parse(s: string) {\n  return s.trim();\n}\nexport function parseAll() {}\n", {
      defs: [def('parse', 1, { endLine: 3 }), def('parseAll', 4)],
      refs: [ref('trim', 2, 11)],
    }),
    file('src/util/index.ts', "export function log(x: unknown) {\n  console.log(x);\n}\n", {
      defs: [def('log', 1, { endLine: 3 })],
      refs: [ref('log', 2, 10), ref('console', 2, 2)],
    }),
    file('test/app.test.ts', "import { App } from '../src/app.js';\nnew App().run();\nparse('PARSE Parse');\n", {
      imports: ['../src/app.js'],
      refs: [ref('App', 2, 4), ref('run', 2, 10), ref('parse', 3, 0)],
    }),
  ];
}
