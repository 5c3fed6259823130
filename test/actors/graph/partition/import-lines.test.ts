import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importLines } from '../../../../actors/graph/partition/index.js';

describe('importLines()', () => {
  it('finds each specifier as a token, onward from the previous one', () => {
    const text = 'import os\nimport collections.abc as cabc\nfrom .base import Base\nfrom . import sibling\n';

    assert.deepEqual(importLines(text, ['os', 'collections.abc', '.base', '.']), [1, 2, 3, 4]);
  });

  it('reads quoted, angle-bracketed and call specifiers of every language', () => {
    const text = [
      '#include <stdlib.h>',
      '#include "list.h"',
      "const http = require('node:http');",
      "import { parse } from './parse.mjs';",
      'use crate::util::{helper, Config};',
      '\t"fmt"',
      "const lazy = await import('./lazy.js');",
    ].join('\n');

    assert.deepEqual(importLines(text, ['stdlib.h', 'list.h', 'node:http', './parse.mjs', 'crate::util::{helper, Config}', 'fmt', './lazy.js']), [1, 2, 3, 4, 5, 6, 7]);
  });

  it('gives two imports on one line the same line, and searches from the start when order is off', () => {
    assert.deepEqual(importLines('import a, b\nimport c\n', ['a', 'b', 'c']), [1, 1, 2]);
    assert.deepEqual(importLines('import a\nimport b\n', ['b', 'a']), [2, 1]);
  });

  it('answers 1 for a specifier that is not in the text as a token', () => {
    assert.deepEqual(importLines('import foobar\n', ['foo']), [1]);
    assert.deepEqual(importLines('', []), []);
  });
});
