import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prometheusText } from '../../../cli/format/prometheus-text.js';
import { sampleStats } from '../fixtures/sample-stats.js';

describe('prometheusText()', () => {
  it('writes HELP and TYPE before each metric and one sample per line', () => {
    const text = prometheusText(sampleStats);
    assert.ok(text.endsWith('\n'));
    const lines = text.trimEnd().split('\n');
    for (const line of lines) assert.match(line, /^(# (HELP|TYPE) tessera_\w+ .+|tessera_\w+(\{[^}]*\})? -?[\d.e+-]+)$/, line);
    assert.ok(lines.includes('tessera_partitions{state="resident"} 3'));
    assert.ok(lines.includes('tessera_request_duration_seconds{op="def",quantile="0.99"} 0.0015'));
    assert.ok(lines.includes('tessera_requests_total{op="ping"} 1'));
  });

  it('leaves out figures it does not have rather than reporting zero', () => {
    const text = prometheusText({ ...sampleStats, state: 'indexing', graph: null });
    assert.ok(!text.includes('tessera_cache_hit_ratio'));
    assert.ok(!text.includes('tessera_partitions'));
    assert.ok(!text.includes('op="ping",quantile'));
    assert.ok(text.includes('tessera_up 0'));
  });
});

