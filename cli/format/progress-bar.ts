import type { IndexProgress } from '../service/query-service.js';
import type { TextOut } from '../commands/cli-io.js';

/**
 * One frame of the progress bar: `indexing [#########-----------]  45%  parse 1,204/2,671`.
 * Without a total (0), it shows the count only.
 * @param progress - the latest progress report
 * @param width - columns available
 */
export function renderProgress(progress: IndexProgress, width: number): string {
  const counts = progress.total > 0 ? `${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')}` : progress.done.toLocaleString('en-US');
  const tail = `  ${progress.phase} ${counts}`;
  if (progress.total <= 0) return `indexing${tail}`.slice(0, width);
  const ratio = Math.min(1, Math.max(0, progress.done / progress.total));
  const percent = `${Math.floor(ratio * 100)}%`.padStart(5);
  const barWidth = Math.max(10, Math.min(40, width - 'indexing [] '.length - percent.length - tail.length));
  const filled = Math.round(ratio * barWidth);
  return `indexing [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${percent}${tail}`.slice(0, width);
}

/**
 * A single-line progress bar redrawn in place on a terminal (at most `fps` times a second);
 * on anything else it writes nothing, so logs and pipes stay clean.
 */
export class ProgressBar {
  readonly #out: TextOut;
  readonly #minGapMs: number;
  #last = -Infinity;
  #drawn = false;

  /**
   * @param out - where to draw (stderr)
   * @param fps - redraws per second, at most
   */
  constructor(out: TextOut, fps = 10) {
    this.#out = out;
    this.#minGapMs = 1000 / fps;
  }

  /** Redraws for `progress` unless the last redraw was too recent. */
  update(progress: IndexProgress, now: number = performance.now()): void {
    if (this.#out.isTTY !== true || now - this.#last < this.#minGapMs) return;
    this.#last = now;
    this.#drawn = true;
    this.#out.write(`\r${renderProgress(progress, (this.#out.columns || 80) - 1)}\x1b[K`);
  }

  /** Erases the bar, leaving the cursor at the start of an empty line. */
  clear(): void {
    if (!this.#drawn) return;
    this.#drawn = false;
    this.#out.write('\r\x1b[K');
  }
}
