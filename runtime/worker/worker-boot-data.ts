import type { ChannelBuffers } from '../../protocol/index.js';

/** What a runtime worker receives as workerData. */
export interface WorkerBootData {
  /** The channel's two rings (the worker is the 'peer' side). */
  buffers: ChannelBuffers;
  /** The worker's slot number, echoed in READY. */
  slot: number;
  /** Actor kinds: name → module URL (file:// href) whose default export is an ActorKind. */
  kinds: Record<string, string>;
  /** The reader's spin window in ms. */
  spinMs: number;
  /** The snapshot store's directory, where the worker writes its actors' snapshots, and whether it fsyncs. */
  snapshots: { dir: string; fsync: boolean };
}
