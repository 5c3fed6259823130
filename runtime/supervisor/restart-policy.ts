import { tesseraError, type TesseraError } from '../../protocol/index.js';
import type { WorkerId } from './cluster-view.js';

/**
 * Restart intensity, as Erlang supervisors have it: a worker slot may be restarted at most
 * `maxRestartsPerSlot` times, and the pool at most `maxRestartsOverall` times, within any
 * `windowMs`; one more failure means a crash loop, which is reported instead of fed. Granted
 * restarts wait an exponential backoff, capped.
 */
export interface RestartPolicy {
  readonly maxRestartsPerSlot: number;
  readonly maxRestartsOverall: number;
  readonly windowMs: number;
  /** Delay before a slot's first restart in the window; doubled (see `backoffFactor`) for each later one. */
  readonly backoffInitialMs: number;
  readonly backoffFactor: number;
  readonly backoffMaxMs: number;
}

/** 5 restarts per slot and 10 overall in 10 s; backoff 50 ms, doubling, at most 2 s. */
export const defaultRestartPolicy: RestartPolicy = Object.freeze({
  maxRestartsPerSlot: 5,
  maxRestartsOverall: 10,
  windowMs: 10_000,
  backoffInitialMs: 50,
  backoffFactor: 2,
  backoffMaxMs: 2_000,
});

/** One granted restart. */
export interface RestartRecord {
  readonly slot: WorkerId;
  readonly at: number;
}

/** Restarts granted within the window, oldest first. Never mutated: each decision returns a new one. */
export interface RestartState {
  readonly restarts: readonly RestartRecord[];
}

/** The state before any restart. */
export const emptyRestartState: RestartState = Object.freeze({ restarts: Object.freeze([]) });

/** Restart the slot after `delayMs`, or give up with a coded error to report. */
export type RestartDecision =
  | { readonly restart: true; readonly delayMs: number }
  | { readonly restart: false; readonly error: TesseraError<'ERR_SUPERVISOR_RESTART_INTENSITY'> };

/** A decision and the state to keep for the next one. */
export interface RestartOutcome {
  readonly decision: RestartDecision;
  readonly state: RestartState;
}

/**
 * Decides whether a failed worker slot is restarted. Restarts older than `windowMs` (at or
 * before `now - windowMs`) are forgotten; only granted restarts are recorded, so a refusal leaves
 * the counts as they were.
 * @param policy - the limits and backoff
 * @param state - the state returned by the previous decision (or {@link emptyRestartState})
 * @param failure - which slot failed, and when on the supervisor's clock
 * @returns the decision and the new state
 * @throws RangeError when the policy has a negative, non-integer or non-finite limit, or `now`
 *   is not finite
 * @example
 * const { decision, state: next } = decideRestart(defaultRestartPolicy, state, { slot: 2, now: clock.now() });
 */
export function decideRestart(policy: RestartPolicy, state: RestartState, failure: { slot: WorkerId; now: number }): RestartOutcome {
  assertPolicy(policy);
  const { slot, now } = failure;
  if (!Number.isFinite(now)) throw new RangeError(`Cannot decide a restart of slot ${slot}: now must be finite: current value is ${now}`);
  const recent = state.restarts.filter((r) => r.at > now - policy.windowMs);
  const slotRestarts = recent.filter((r) => r.slot === slot).length;
  const kept: RestartState = { restarts: recent };
  if (slotRestarts >= policy.maxRestartsPerSlot) {
    return { state: kept, decision: refuse('slot', slot, slotRestarts, policy.maxRestartsPerSlot, policy.windowMs) };
  }
  if (recent.length >= policy.maxRestartsOverall) {
    return { state: kept, decision: refuse('overall', slot, recent.length, policy.maxRestartsOverall, policy.windowMs) };
  }
  // A zero initial delay stays zero even where factor ** n overflows to Infinity (0 * Infinity is NaN).
  const delayMs = policy.backoffInitialMs === 0 ? 0 : Math.min(policy.backoffMaxMs, policy.backoffInitialMs * policy.backoffFactor ** slotRestarts);
  return { state: { restarts: [...recent, { slot, at: now }] }, decision: { restart: true, delayMs } };
}

function refuse(scope: 'slot' | 'overall', slot: WorkerId, restarts: number, maxRestarts: number, windowMs: number): RestartDecision {
  return { restart: false, error: tesseraError('ERR_SUPERVISOR_RESTART_INTENSITY', { scope, slot, restarts, maxRestarts, windowMs }) };
}

function assertPolicy(policy: RestartPolicy): void {
  for (const field of ['maxRestartsPerSlot', 'maxRestartsOverall'] as const) {
    const value = policy[field];
    if (!(Number.isInteger(value) && value >= 0)) {
      throw new RangeError(`Invalid restart policy: ${field} must be an integer >= 0: current value is ${value}`);
    }
  }
  for (const field of ['windowMs', 'backoffInitialMs', 'backoffMaxMs'] as const) {
    const value = policy[field];
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`Invalid restart policy: ${field} must be a finite number >= 0: current value is ${value}`);
    }
  }
  if (!(Number.isFinite(policy.backoffFactor) && policy.backoffFactor >= 1)) {
    throw new RangeError(`Invalid restart policy: backoffFactor must be a finite number >= 1: current value is ${policy.backoffFactor}`);
  }
}
