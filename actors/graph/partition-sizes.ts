import type { FileTable } from './file-table.js';
import type { GraphRouter } from './graph-router.js';

/** The indexed files of one partition and their bytes of source. */
export interface PartitionMembers {
  readonly paths: string[];
  bytes: number;
}

/**
 * Groups the indexed files by the partition that owns them now (one pass over the table).
 * @returns members by partition id; a partition without files is absent
 */
export function partitionMembers(table: FileTable, router: GraphRouter): Map<number, PartitionMembers> {
  const out = new Map<number, PartitionMembers>();
  for (const [path, entry] of table.entries()) {
    const id = router.owner(path);
    let m = out.get(id);
    if (m === undefined) out.set(id, (m = { paths: [], bytes: 0 }));
    m.paths.push(path);
    m.bytes += entry.bytes;
  }
  return out;
}
