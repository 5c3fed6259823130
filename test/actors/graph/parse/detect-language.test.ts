import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage, isLanguageId } from '../../../../actors/graph/parse/index.js';

describe('detectLanguage()', () => {
  it('maps every supported extension, case-insensitively', () => {
    const table: [string, string | null][] = [
      ['a.ts', 'typescript'], ['a.d.ts', 'typescript'], ['a.mts', 'typescript'], ['a.tsx', 'tsx'],
      ['a.js', 'javascript'], ['a.mjs', 'javascript'], ['a.cjs', 'javascript'], ['a.jsx', 'javascript'],
      ['a.py', 'python'], ['a.go', 'go'], ['a.rs', 'rust'], ['A.JAVA', 'java'],
      ['a.c', 'c'], ['a.h', 'c'], ['a.cpp', 'cpp'], ['a.cc', 'cpp'], ['a.cxx', 'cpp'], ['a.hpp', 'cpp'], ['a.hh', 'cpp'],
    ];
    for (const [path, language] of table) assert.equal(detectLanguage(`src/${path}`), language, path);
  });

  it('returns null for other files, dot files and extensionless names', () => {
    for (const path of ['README.md', 'Makefile', '.gitignore', 'dir.ts/file', 'a.']) assert.equal(detectLanguage(path), null, path);
  });

  it('reads a .h header as C++ when its head holds C++ syntax', () => {
    assert.equal(detectLanguage('x.h', 'namespace ui {\n'), 'cpp');
    assert.equal(detectLanguage('x.h', 'template <typename T>\nT f();'), 'cpp');
    assert.equal(detectLanguage('x.h', 'int f(void);\n'), 'c');
  });

  it('reads a .h header that includes extensionless standard headers as C++, one with C headers as C', () => {
    assert.equal(detectLanguage('napi.h', '#ifndef SRC_NAPI_H_\n#include <functional>\n#include <memory>\n'), 'cpp');
    assert.equal(detectLanguage('x.h', '# include <string>\n'), 'cpp');
    assert.equal(detectLanguage('x.h', '#include <stdio.h>\n#include <sys/types.h>\n#include "local"\n'), 'c');
  });
});

describe('isLanguageId()', () => {
  it('accepts language ids only', () => {
    assert.equal(isLanguageId('rust'), true);
    assert.equal(isLanguageId('markdown'), false);
    assert.equal(isLanguageId(3), false);
  });
});
