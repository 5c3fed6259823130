export { TreeWatcher } from './tree-watcher.js';
export type { TreeWatcherOptions, TreeWatcherStats, WatchBatch, WatcherImpl } from './watch-types.js';
export { batchDueAt, type BatchPolicy, type BatchWindow } from './batch-policy.js';
export { kTunedChokidarOptions } from './chokidar-backend.js';
