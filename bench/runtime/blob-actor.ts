// Benchmark actor kinds: `counter` (tiny state) and `blob` (a state of N bytes held as an array
// of doubles, so the heap really holds it, persisted with its snapshot).
import { assign, setup } from 'xstate';
import { defineActorKind } from '../../runtime/index.js';

type BlobEvent = { type: 'fill'; bytes: number } | { type: 'get' } | { type: 'add'; n: number };

const machine = setup({ types: { context: {} as { data: number[]; count: number }, events: {} as BlobEvent } }).createMachine({
  context: { data: [], count: 0 },
  on: {
    fill: { actions: assign({ data: ({ event }) => Array.from({ length: Math.ceil(event.bytes / 8) }, (_, i) => i + 0.5) }) },
    add: { actions: assign({ count: ({ context, event }) => context.count + event.n }) },
  },
});

export default defineActorKind({
  machine,
  reply: (snapshot) => snapshot.context.count + snapshot.context.data.length,
  estimateBytes: (snapshot) => 256 + snapshot.context.data.length * 8,
});
