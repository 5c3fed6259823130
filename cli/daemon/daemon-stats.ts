import type { IndexProgress, ServiceStats } from '../service/query-service.js';
import type { OpFigures } from './op-stats.js';

/** The daemon's lifecycle: it listens while it builds its first index, then serves, then stops. */
export type DaemonPhase = 'indexing' | 'ready' | 'stopping';

/** What a `stats` request answers (plain data; the shape `tessera status --json` prints). */
export interface DaemonStats {
  /** The socket protocol version (`PROTOCOL_VERSION`). */
  readonly protocol: number;
  readonly pid: number;
  readonly root: string;
  readonly socket: string;
  readonly tcpPort: number | null;
  readonly log: string;
  /** ISO time the daemon started. */
  readonly startedAt: string;
  readonly state: DaemonPhase;
  readonly uptimeMs: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** First-index progress; `tookMs` once it finished. */
  readonly index: IndexProgress & { readonly tookMs: number | null };
  /** Whether the daemon was asked to watch the tree for changes. */
  readonly watch: boolean;
  /** Whether the index is kept in the per-user cache between runs. */
  readonly persist: boolean;
  readonly connections: number;
  readonly requests: { readonly total: number; readonly errors: number; readonly inFlight: number };
  /** Per operation: query ops and request kinds. */
  readonly ops: Readonly<Record<string, OpFigures>>;
  /** The graph's figures; null until the first index is ready. */
  readonly graph: ServiceStats | null;
}
