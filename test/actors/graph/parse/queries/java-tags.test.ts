import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defRows, parseFixture, refRows } from '../../../../fixtures/graph-fixtures.js';

describe('javaTagsQuery', () => {
  it('finds the package, classes, interfaces, enums, constructors, methods, fields and constants', async () => {
    const tags = await parseFixture('java', 'com/example/Greeter.java');

    assert.equal(tags.language, 'java');
    assert.deepEqual(defRows(tags), [
      'module com.example 1:8-1',
      'class Greeter 7:13-22',
      'field names 8:31-8 in Greeter',
      'method Greeter 10:11-12 in Greeter',
      'method run 15:16-17 in Greeter',
      'method greet 19:11-21 in Greeter',
      'interface Base 24:10-26',
      'method format 25:11-25 in Base',
      'enum Level 28:5-31',
      'enumerator LOW 29:4-29 in Level',
      'enumerator HIGH 30:4-30 in Level',
    ]);
    assert.equal(tags.defs[4]!.signature, 'public void run() {');
  });

  it('finds extends, implements, new, calls, member calls and type references, and imports', async () => {
    const tags = await parseFixture('java', 'com/example/Greeter.java');

    assert.deepEqual(refRows(tags), [
      'extends Base 7:29',
      'implements Runnable 7:45',
      'implements Comparable 7:55',
      'type Greeter 7:66',
      'type List 8:18',
      'type String 8:23',
      'new ArrayList 8:43',
      'type String 10:19',
      'member-call add 11:14',
      'member-call println 16:19',
      'call greet 16:27',
      'call max 16:33',
      'type String 19:4',
      'call format 20:15',
      'type String 25:4',
    ]);
    assert.deepEqual(tags.imports, ['java.util.List', 'java.util.ArrayList', 'java.lang.Math.max']);
  });
});
