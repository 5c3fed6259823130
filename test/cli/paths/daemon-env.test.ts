import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daemonEnv } from '../../../cli/paths/daemon-env.js';

describe('daemonEnv()', () => {
  it('sets two malloc arenas and a fixed mmap threshold when unset, and keeps values the user set', () => {
    assert.deepEqual(daemonEnv({ HOME: '/h' }), { HOME: '/h', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' });
    assert.deepEqual(daemonEnv({ MALLOC_ARENA_MAX: '8', MALLOC_MMAP_THRESHOLD_: '65536' }), { MALLOC_ARENA_MAX: '8', MALLOC_MMAP_THRESHOLD_: '65536' });
  });

  it('does not change the environment it was given', () => {
    const env = { HOME: '/h' };
    daemonEnv(env);
    assert.deepEqual(env, { HOME: '/h' });
  });
});
