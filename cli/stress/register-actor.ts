/**
 * The actor kind of the `runtime` stress scenario: a register of named integers. `put` sets a
 * key, `add` adds to it; both answer the key's new value. `get` answers a key's value (0 when
 * unset) and `dump` every value. Workers load it by URL (`kRegisterKindUrl`), like any kind.
 *
 * @module
 */

import { assign, setup } from 'xstate';
import { defineActorKind } from '../../runtime/index.js';

/** A message to a register. */
export type RegisterMessage =
  | { type: 'put'; key: string; value: number }
  | { type: 'add'; key: string; n: number }
  | { type: 'get'; key: string }
  | { type: 'dump' };

interface RegisterContext {
  values: Record<string, number>;
}

const machine = setup({ types: { context: {} as RegisterContext, events: {} as RegisterMessage } }).createMachine({
  context: { values: {} },
  on: {
    put: { actions: assign({ values: ({ context, event }) => ({ ...context.values, [event.key]: event.value }) }) },
    add: { actions: assign({ values: ({ context, event }) => ({ ...context.values, [event.key]: (context.values[event.key] ?? 0) + event.n }) }) },
  },
});

/** The register kind. */
export default defineActorKind({
  machine,
  reply: (snapshot, message) => {
    const m = message as RegisterMessage;
    return m.type === 'dump' ? snapshot.context.values : (snapshot.context.values[m.key] ?? 0);
  },
  estimateBytes: (snapshot) => 128 + 48 * Object.keys(snapshot.context.values).length,
});

/** Where workers load the kind from. */
export const kRegisterKindUrl: URL = new URL('./register-actor.js', import.meta.url);
