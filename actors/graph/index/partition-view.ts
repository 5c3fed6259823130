/**
 * What query functions see of a partition index: its segments and its live-path lookups.
 *
 * @module
 */

import type { ImportResolver } from './import-resolver.js';
import type { Segment } from './segment.js';

/** Where a live file is. */
export interface FileLocation {
  readonly seg: Segment;
  readonly file: number;
}

/** Read-only access for query evaluation. */
export interface PartitionView {
  /** Segments, oldest first; a live path is in exactly one of them. */
  readonly segments: readonly Segment[];
  readonly resolver: ImportResolver;
  /** The live file at `path`, if any. */
  locate(path: string): FileLocation | undefined;
  /** Whether directory `dirKey` (`a/b/`) directly holds a live file of `language`. */
  dirHasFiles(dirKey: string, language: string): boolean;
}
