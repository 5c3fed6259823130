/**
 * Injected time. The supervisor, its policies' callers and XState actors take a {@link Clock}
 * instead of calling `Date.now()` or `setTimeout` directly, so supervision and passivation tests
 * run in simulated time ({@link SimulatedClock}) and never sleep.
 *
 * A `Clock` is structurally compatible with XState v5's `Clock` (`setTimeout` / `clearTimeout`
 * methods), so the same object can be passed as `createActor(logic, { clock })`.
 */

declare const kTimerHandle: unique symbol;

/** An opaque timer handle; only the clock that issued it can clear it. */
export type TimerHandle = { readonly [kTimerHandle]: true };

/** A source of time and one-shot timers. */
export interface Clock {
  /** Milliseconds on a monotonic timeline; only differences between readings are meaningful. */
  now(): number;
  /** Calls `fn` once, `ms` milliseconds from now. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  /** Cancels a timer; a handle that already fired or was cleared is ignored. */
  clearTimeout(handle: TimerHandle): void;
}

/** Options of {@link createSystemClock}. */
export interface SystemClockOptions {
  /**
   * Unref every timer, so a pending timer never keeps the process alive on its own. Right for
   * housekeeping (idle sweeps, pressure sampling) in a process kept alive by something else (the
   * daemon's socket, its workers); wrong for a timer somebody awaits (an ask timeout, an XState
   * delayed transition in a short script), which is why {@link systemClock} keeps timers ref'd.
   */
  unref?: boolean;
}

/**
 * Creates a clock backed by the real timers. `now()` is `performance.timeOrigin +
 * performance.now()`: epoch-based like `Date.now()` but monotonic, so a wall-clock step (NTP,
 * suspend) never makes an idle actor look ancient or a restart window look empty.
 * @param options - see {@link SystemClockOptions}
 * @returns a clock whose timers are Node's own
 */
export function createSystemClock(options: SystemClockOptions = {}): Clock {
  const unref = options.unref === true;
  return {
    now: () => performance.timeOrigin + performance.now(),
    setTimeout: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      if (unref) timer.unref();
      return timer as unknown as TimerHandle;
    },
    clearTimeout: (handle) => clearTimeout(handle as unknown as NodeJS.Timeout),
  };
}

/**
 * The real clock, with ref'd timers (they keep the process alive like native `setTimeout`).
 * Use `createSystemClock({ unref: true })` for background housekeeping timers.
 */
export const systemClock: Clock = createSystemClock();

interface SimulatedTimer {
  readonly seq: number;
  readonly dueAt: number;
  readonly fn: () => void;
}

/**
 * A clock that only moves when told to. Timers fire inside {@link SimulatedClock.advance}, in
 * order of due time and, for equal due times, in the order they were set; during a callback
 * `now()` reads that timer's due time. Timers set by a callback fire in the same `advance` when
 * they fall due within it.
 *
 * @example
 * const clock = new SimulatedClock();
 * clock.setTimeout(() => console.log(clock.now()), 100);
 * clock.advance(100); // logs 100
 */
export class SimulatedClock implements Clock {
  #now: number;
  #seq = 0;
  /** Pending timers sorted by (dueAt, seq); the next to fire is first. */
  #timers: SimulatedTimer[] = [];

  /**
   * @param startAt - the initial reading of `now()` (default 0)
   * @throws RangeError when `startAt` is not a finite number
   */
  constructor(startAt = 0) {
    if (!Number.isFinite(startAt)) throw new RangeError(`Cannot create a simulated clock: startAt must be finite: current value is ${startAt}`);
    this.#now = startAt;
  }

  /** The simulated time in milliseconds. */
  now(): number {
    return this.#now;
  }

  /**
   * Schedules `fn` at `now() + ms`. A negative or NaN delay counts as 0, as close to Node's
   * clamping as simulated time needs.
   */
  setTimeout(fn: () => void, ms: number): TimerHandle {
    const delay = ms > 0 ? ms : 0;
    const timer: SimulatedTimer = { seq: this.#seq++, dueAt: this.#now + delay, fn };
    this.#timers.splice(this.#insertionIndex(timer), 0, timer);
    return timer as unknown as TimerHandle;
  }

  /** Cancels a pending timer; unknown handles are ignored. */
  clearTimeout(handle: TimerHandle): void {
    const index = this.#timers.indexOf(handle as unknown as SimulatedTimer);
    if (index !== -1) this.#timers.splice(index, 1);
  }

  /** How many timers are pending. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way.
   * @param ms - how far to move, at least 0
   * @throws RangeError when `ms` is negative or not finite
   * @throws whatever a timer callback throws; time then stays at that timer's due time and
   *   later timers stay pending
   */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Cannot advance a simulated clock: ms must be a finite number >= 0: current value is ${ms}`);
    const target = this.#now + ms;
    for (let next = this.#timers[0]; next !== undefined && next.dueAt <= target; next = this.#timers[0]) {
      // Remove before calling, so a callback that clears or re-arms timers sees a consistent list.
      this.#timers.shift();
      this.#now = next.dueAt;
      next.fn();
    }
    this.#now = target;
  }

  #insertionIndex(timer: SimulatedTimer): number {
    let lo = 0;
    let hi = this.#timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.#timers[mid] as SimulatedTimer;
      if (other.dueAt <= timer.dueAt) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
