import type { Clock, TimerHandle } from '../../../runtime/index.js';
import { batchDueAt, type BatchPolicy, type BatchWindow } from './batch-policy.js';

/**
 * Applies {@link batchDueAt} with an injected clock: `note()` each event, `onDue` fires when the
 * open batch is due. One timer at most; when it fires early (more events came) it re-arms for
 * the rest, instead of being cleared and set on every event of a burst. While held (a batch is
 * being delivered, the backend restarting) nothing fires; events keep widening the window, and `release()` fires at
 * once if the window is already due.
 */
export class BatchTimer {
  readonly #clock: Clock;
  readonly #policy: BatchPolicy;
  readonly #onDue: () => void;
  #window: BatchWindow | null = null;
  #timer: TimerHandle | null = null;
  /** Holders that stopped firing (a delivery, a restart); fires again when all released. */
  #holds = 0;

  /**
   * @param clock - time source and timers
   * @param policy - debounce and maximum delay
   * @param onDue - called when the open batch is due
   */
  constructor(clock: Clock, policy: BatchPolicy, onDue: () => void) {
    this.#clock = clock;
    this.#policy = policy;
    this.#onDue = onDue;
  }

  /** Records an event in the open batch (opening one if none is). */
  note(): void {
    const now = this.#clock.now();
    this.#window = { firstAt: this.#window?.firstAt ?? now, lastAt: now };
    this.#arm();
  }

  /** Stops firing until a matching {@link release}; holds nest. */
  hold(): void {
    this.#holds++;
  }

  /** Ends one hold; with none left, fires as the policy says (at once when already due). */
  release(): void {
    if (this.#holds > 0) this.#holds--;
    this.#arm();
  }

  /** Forgets the open batch and its timer. */
  cancel(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
    this.#window = null;
  }

  #arm(): void {
    if (this.#holds > 0 || this.#timer !== null || this.#window === null) return;
    const wait = Math.max(0, batchDueAt(this.#window, this.#policy) - this.#clock.now());
    this.#timer = this.#clock.setTimeout(() => this.#fire(), wait);
  }

  #fire(): void {
    this.#timer = null;
    if (this.#holds > 0 || this.#window === null) return;
    if (this.#clock.now() < batchDueAt(this.#window, this.#policy)) {
      this.#arm();
      return;
    }
    this.#window = null;
    this.#onDue();
  }
}
