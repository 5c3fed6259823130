/**
 * The partition actor kind: one partition of the code graph, hosted by the runtime on a worker
 * thread. Its state is a {@link PartitionIndex} (typed-array columns over its files); updates
 * arrive as `upsert` and `remove` messages, queries as read-only `query` asks answered by
 * `reply`. Passivation writes the index and its def table as bulk bytes beside the small XState snapshot.
 *
 *   graph layer (main thread)            worker thread
 *   CodeGraph ── ask partition/7 ──▶ ring ──▶ ActorHost ── partitionMachine (context.index)
 *             ◀── { version, value } ◀──────           └─ reply(): answerQuery(index, message)
 *
 * Where the index lives: in the machine's context, mutated in place by the update actions.
 * The index is built for incremental updates (log-structured segments); copying it per event
 * to keep the context immutable would cost O(partition) per update. The host reads only the
 * latest snapshot (nothing keeps older ones around to observe the mutation), the actions bump
 * `version` through `assign`, and updates stay deterministic, as replay after a crash needs.
 * Keeping the index in context (rather than in a holder keyed by actor) lets `restore` hand it
 * to `createActor` with the rest of the snapshot, with no lookup by identity.
 *
 * @module
 */

import { assertEvent, assign, setup, type AnyActorRef, type SnapshotFrom } from 'xstate';
import { tesseraError } from '../../../protocol/index.js';
import { defineActorKind, type PersistedActor } from '../../../runtime/index.js';
import { PartitionIndex } from '../index/index.js';
import { bulkParts, indexOfBulk } from './partition-bulk.js';
import type { PartitionMessage, PartitionReply } from './partition-messages.js';
import { answerQuery } from './partition-queries.js';

/** The machine's context. */
export interface PartitionContext {
  readonly index: PartitionIndex;
  /** `index.version`, kept as data so the persisted snapshot says which version it holds. */
  readonly version: number;
  /** Live files. */
  readonly files: number;
}

// Rough per-file cost of the index's JS objects (path map entries), on top of its typed arrays.
const kBytesPerFile = 160;

/**
 * One state: a partition answers queries and takes updates at any time, so there is nothing
 * to sequence. Queries are not handled by the machine (an unhandled event changes nothing);
 * `reply` answers them from the index after the event passed through.
 */
export const partitionMachine = setup({
  types: { context: {} as PartitionContext, events: {} as PartitionMessage },
  actions: {
    upsert: assign(({ context, event }) => {
      assertEvent(event, 'upsert');
      context.index.update({ upsert: event.files });
      return { version: context.index.version, files: context.index.fileCount };
    }),
    remove: assign(({ context, event }) => {
      assertEvent(event, 'remove');
      context.index.update({ remove: event.paths });
      return { version: context.index.version, files: context.index.fileCount };
    }),
  },
}).createMachine({
  id: 'partition',
  context: () => ({ index: new PartitionIndex(), version: 0, files: 0 }),
  on: {
    upsert: { actions: 'upsert' },
    remove: { actions: 'remove' },
  },
});

type PartitionSnapshot = SnapshotFrom<typeof partitionMachine>;

/**
 * Answers an ask: updates reply with the new version and file count, queries with their value.
 * @throws {TesseraError} ERR_PROTO_UNKNOWN_KIND for a message type or query op this code does not know
 */
function reply(snapshot: PartitionSnapshot, message: unknown): PartitionReply<unknown> {
  const { index } = snapshot.context;
  const m = message as PartitionMessage;
  switch (m.type) {
    case 'upsert':
    case 'remove':
      return { version: index.version, value: { files: index.fileCount } };
    case 'query':
      return { version: index.version, value: answerQuery(index, m) };
    default:
      throw tesseraError('ERR_PROTO_UNKNOWN_KIND', { direction: 'GraphToPartition', kind: String((m as { type: unknown }).type) });
  }
}

function persist(actor: AnyActorRef): PersistedActor {
  const persisted = actor.getPersistedSnapshot() as unknown as { context: PartitionContext };
  const { index, ...rest } = persisted.context;
  // The def table rides along so `def` can read an evicted partition's definitions from disk.
  return { snapshot: { ...persisted, context: rest }, bulkParts: bulkParts(index.serialize(), index.defTable()) };
}

/** @throws {RangeError} When the bulk bytes are not an index snapshot (the runtime's CRC passed, so a format change). */
function restore(persisted: PersistedActor): unknown {
  const snapshot = persisted.snapshot as { context: Omit<PartitionContext, 'index'> };
  const index = persisted.bulk === undefined ? new PartitionIndex() : PartitionIndex.deserialize(indexOfBulk(persisted.bulk));
  return { ...snapshot, context: { ...snapshot.context, index, version: index.version, files: index.fileCount } };
}

/** The partition actor kind (register it as `partition`). */
export default defineActorKind({
  machine: partitionMachine,
  reply,
  persist,
  restore,
  estimateBytes: (snapshot) => snapshot.context.index.memory().total + kBytesPerFile * snapshot.context.files,
  // A corrupt snapshot leaves the partition empty (version 0); the graph layer sees the version
  // go back and indexes the partition's files again.
  rebuild: () => undefined,
});
