import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daemonEnv } from '../../../cli/paths/daemon-env.js';

describe('daemonEnv()', () => {
  it('sets MALLOC_ARENA_MAX to 2 when it is not set, and keeps a value the user set', () => {
    assert.deepEqual(daemonEnv({ HOME: '/h' }), { HOME: '/h', MALLOC_ARENA_MAX: '2' });
    assert.deepEqual(daemonEnv({ MALLOC_ARENA_MAX: '8' }), { MALLOC_ARENA_MAX: '8' });
  });
});
