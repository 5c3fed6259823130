import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partitionKind, type PartitionReply, type QueryMessage } from '../../../../actors/graph/partition/index.js';
import { isTesseraError } from '../../../../protocol/index.js';
import { ActorHost } from '../../../../runtime/index.js';
import { tsRepo } from '../index/fixture-files.js';

const query = (op: QueryMessage['op'], args: unknown): QueryMessage => ({ type: 'query', op, args }) as QueryMessage;

/** Every query the kind answers, over the fixture repository. */
const probes: QueryMessage[] = [
  query('def', { name: 'parse', limit: 10 }),
  query('refs', { name: 'log', limit: 10 }),
  query('complete', { prefix: 'pa', limit: 5 }),
  query('search', { patterns: ['parse'], mode: 'literal', ignoreCase: 'smart', scope: 'line', include: [], exclude: [], limit: 10 }),
  query('outline', { path: 'src/app.ts' }),
  query('imports', { path: 'src/app.ts' }),
  query('importers', { path: 'src/parser.ts' }),
  query('facts', { symbols: true }),
];

function host(): ActorHost {
  return new ActorHost(new Map([['partition', partitionKind]]));
}

describe('partitionKind', () => {
  it('applies upserts and removes as versions and answers queries with the version', () => {
    const h = host();
    h.activate('partition/0', undefined);

    const up = h.ask('partition/0', { type: 'upsert', files: tsRepo() }) as PartitionReply<{ files: number }>;
    const def = h.ask('partition/0', probes[0]) as PartitionReply<{ hits: { path: string; line: number }[] }>;
    const removed = h.ask('partition/0', { type: 'remove', paths: ['src/parser.ts', 'nope.ts'] }) as PartitionReply<{ files: number }>;
    const after = h.ask('partition/0', probes[0]) as PartitionReply<{ hits: unknown[] }>;

    assert.deepEqual(up, { version: 1, value: { files: 4 } });
    assert.deepEqual(def.version, 1);
    assert.deepEqual(def.value.hits.map((x) => `${x.path}:${x.line}`), ['src/parser.ts:1']);
    assert.deepEqual(removed, { version: 2, value: { files: 3 } });
    assert.deepEqual(after, { version: 2, value: { hits: [], total: 0 } });
  });

  it('passivates to bytes and re-activates with the same answers and version', () => {
    const h = host();
    h.activate('partition/1', undefined);
    h.ask('partition/1', { type: 'upsert', files: tsRepo().slice(0, 2) });
    h.ask('partition/1', { type: 'upsert', files: tsRepo().slice(2) });
    const before = probes.map((m) => h.ask('partition/1', m));

    const bytes = h.passivate('partition/1');
    const size = h.activate('partition/1', bytes);
    const after = probes.map((m) => h.ask('partition/1', m));

    assert.deepEqual(after, before);
    assert.equal((after[0] as PartitionReply<unknown>).version, 2);
    assert.ok(size > 1000, `estimated ${size} bytes`);
  });

  it('answers summary with a filter of its names', () => {
    const h = host();
    h.activate('partition/2', undefined);
    h.ask('partition/2', { type: 'upsert', files: tsRepo() });

    const summary = h.ask('partition/2', query('summary', {})) as PartitionReply<{ files: number; names: number; filter: { bits: Uint8Array } }>;

    assert.equal(summary.value.files, 4);
    assert.ok(summary.value.names >= 6);
    assert.ok(summary.value.filter.bits instanceof Uint8Array);
  });

  it('rejects a message type or query op it does not know with ERR_PROTO_UNKNOWN_KIND', () => {
    const h = host();
    h.activate('partition/3', undefined);

    assert.throws(() => h.ask('partition/3', { type: 'compact' }), (e) => isTesseraError(e, 'ERR_PROTO_UNKNOWN_KIND'));
    assert.throws(() => h.ask('partition/3', { type: 'query', op: 'callers', args: {} }), (e) => isTesseraError(e, 'ERR_PROTO_UNKNOWN_KIND'));
  });
});
