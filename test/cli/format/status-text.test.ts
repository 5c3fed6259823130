import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusText } from '../../../cli/format/status-text.js';
import { sampleStats } from '../fixtures/sample-stats.js';

describe('statusText()', () => {
  it('shows uptime, RSS, budget, pressure, workers, partitions, cache and latency per op', () => {
    const text = statusText(sampleStats);
    for (const part of ['up 3m 12s', 'RSS 80.0 MiB', 'budget 100 B', 'pressure normal', '2 (2 ready), restarts 0', '3 resident, 1 evicted', 'hit rate -', '0.200 ms', '1.50 ms']) {
      assert.ok(text.includes(part), `missing "${part}" in\n${text}`);
    }
  });
});
