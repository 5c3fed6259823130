import { assertBudget, pressureLevel } from './pressure.js';

/** One active actor, as the eviction policy sees it. */
export interface EvictionCandidate {
  readonly address: string;
  /** When the actor last handled a message, on the supervisor's clock. */
  readonly lastUsedAt: number;
  /** Memory the actor's eviction frees (its estimate or measured size). */
  readonly bytes: number;
  /** Pinned actors are never evicted. */
  readonly pinned?: boolean;
}

/** Everything {@link chooseEvictions} decides from. */
export interface EvictionView {
  readonly actors: readonly EvictionCandidate[];
  /** Memory in use now, of which the actors' `bytes` are a part. */
  readonly usedBytes: number;
  readonly budgetBytes: number;
  /** The most actors that may stay active (`Infinity` for no cap). */
  readonly maxActive: number;
  /** An actor unused for at least this long is evicted (`Infinity` to never time out). */
  readonly idleTimeoutMs: number;
  readonly now: number;
}

/**
 * Chooses which actors to passivate, in the order to evict them:
 * 1. every unpinned actor idle for at least `idleTimeoutMs`;
 * 2. then least recently used ones until at most `maxActive` actors stay active;
 * 3. then least recently used ones until the projected use (`usedBytes` minus the evicted
 *    actors' bytes) is back to the `'normal'` pressure level, below 70 % of the budget.
 *
 * All three steps take from one order, least recently used first with ties broken by address,
 * so the result is a prefix of that order and is deterministic. Pinned actors are never chosen,
 * so the cap or the budget may stay exceeded when only pinned actors are left.
 * @param view - the active actors and the limits
 * @returns addresses to evict, without duplicates
 * @throws RangeError on a bad limit, a negative or non-finite byte count, or a duplicate address
 * @example
 * chooseEvictions({ actors, usedBytes: 900, budgetBytes: 1000, maxActive: 100, idleTimeoutMs: 60_000, now });
 */
export function chooseEvictions(view: EvictionView): string[] {
  assertLimits(view);
  const unpinned = view.actors.filter((actor) => actor.pinned !== true).sort(byLeastRecentlyUsed);
  const idleBefore = view.now - view.idleTimeoutMs;
  let count = 0;
  let projected = view.usedBytes;
  let active = view.actors.length;
  for (const actor of unpinned) {
    const idle = actor.lastUsedAt <= idleBefore;
    const overCap = active > view.maxActive;
    const overBudget = pressureLevel(Math.max(0, projected), view.budgetBytes) !== 'normal';
    if (!idle && !overCap && !overBudget) break;
    count++;
    active--;
    projected -= actor.bytes;
  }
  return unpinned.slice(0, count).map((actor) => actor.address);
}

function byLeastRecentlyUsed(a: EvictionCandidate, b: EvictionCandidate): number {
  if (a.lastUsedAt !== b.lastUsedAt) return a.lastUsedAt - b.lastUsedAt;
  // Code-unit order, not localeCompare: the same on every machine and locale.
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}

function assertLimits(view: EvictionView): void {
  assertBudget(view.budgetBytes);
  assertNonNegative('usedBytes', view.usedBytes);
  if (!(view.maxActive >= 0) || (Number.isFinite(view.maxActive) && !Number.isInteger(view.maxActive))) {
    throw new RangeError(`Cannot choose evictions: maxActive must be an integer >= 0 or Infinity: current value is ${view.maxActive}`);
  }
  if (!(view.idleTimeoutMs >= 0)) {
    throw new RangeError(`Cannot choose evictions: idleTimeoutMs must be >= 0 or Infinity: current value is ${view.idleTimeoutMs}`);
  }
  if (!Number.isFinite(view.now)) throw new RangeError(`Cannot choose evictions: now must be finite: current value is ${view.now}`);
  const seen = new Set<string>();
  for (const actor of view.actors) {
    if (seen.has(actor.address)) throw new RangeError(`Cannot choose evictions: address "${actor.address}" is listed twice`);
    seen.add(actor.address);
    assertNonNegative(`bytes of "${actor.address}"`, actor.bytes);
    if (!Number.isFinite(actor.lastUsedAt)) {
      throw new RangeError(`Cannot choose evictions: lastUsedAt of "${actor.address}" must be finite: current value is ${actor.lastUsedAt}`);
    }
  }
}

function assertNonNegative(what: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`Cannot choose evictions: ${what} must be a finite number >= 0: current value is ${value}`);
  }
}
