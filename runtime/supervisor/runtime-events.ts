/** Something the runtime did that observers (logs, the REPL's `watch`, tests) may care about. */
export type RuntimeEvent =
  | { type: 'actor.activated'; actor: string; worker: number }
  | { type: 'actor.passivated'; actor: string }
  | { type: 'actor.failed'; actor: string; error: unknown }
  | { type: 'snapshot.corrupt'; actor: string; error: unknown }
  | { type: 'worker.started'; worker: number }
  | { type: 'worker.crashed'; worker: number; reason: string }
  | { type: 'worker.given_up'; worker: number; error: unknown }
  | { type: 'pressure.changed'; level: string; usedBytes: number; budgetBytes: number }
  | { type: 'worker.log'; worker: number; level: string; msg: string }
  | { type: 'error'; error: unknown; actor?: string };

/** A listener of runtime events. */
export type RuntimeEventListener = (event: RuntimeEvent) => void;

/**
 * A minimal synchronous event hub. A listener that throws does not stop the others; its error
 * is rethrown in a later macrotask so it is never swallowed.
 */
export class RuntimeEvents {
  readonly #listeners = new Set<RuntimeEventListener>();

  /** Subscribes; @returns the unsubscribe function */
  on(listener: RuntimeEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Delivers an event to every listener. */
  emit(event: RuntimeEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (err) {
        setImmediate(() => {
          throw err;
        });
      }
    }
  }
}
