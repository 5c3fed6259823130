/**
 * Answers a partition's read-only queries from its index: pure, synchronous, run in the actor's
 * worker by the kind's `reply`.
 *
 * @module
 */

import { tesseraError } from '../../../protocol/index.js';
import { trigramKey, type PartitionIndex } from '../index/index.js';
import { importLines } from './import-lines.js';
import { partitionFacts } from './partition-facts.js';
import type { ImportLine, LocalImporter, LocatedCompletion, PartitionQueryReplies, PartitionSummary, QueryMessage } from './partition-messages.js';
import { NameFilter } from './name-filter.js';
import { wireCounts } from './name-counts.js';

/**
 * Evaluates one query.
 *
 * @param index The partition's index.
 * @param query The query message.
 * @returns The reply value for `query.op`.
 * @throws {TesseraError} ERR_PROTO_UNKNOWN_KIND for an operation this code does not know;
 *   RangeError or SyntaxError from the index for bad search arguments.
 */
export function answerQuery(index: PartitionIndex, query: QueryMessage): PartitionQueryReplies[QueryMessage['op']] {
  switch (query.op) {
    case 'def':
      return index.def(query.args.name, query.args.limit);
    case 'refs':
      return index.refs(query.args.name, query.args.limit);
    case 'complete':
      return completeWithLocations(index, query.args.prefix, query.args.limit);
    case 'search':
      return index.search(query.args);
    case 'outline':
      return index.outline(query.args.path);
    case 'imports':
      return importsWithLines(index, query.args.path);
    case 'importers':
      return importersWithLines(index, query.args.path);
    case 'facts':
      return partitionFacts(index, query.args.symbols);
    case 'summary':
      return summarize(index);
    default:
      throw tesseraError('ERR_PROTO_UNKNOWN_KIND', { direction: 'GraphToPartition', kind: String((query as { op: unknown }).op) });
  }
}

/** Completions, each with its first definition in the partition (or its first use). */
function completeWithLocations(index: PartitionIndex, prefix: string, limit: number): LocatedCompletion[] {
  return index.complete(prefix, limit).map((c) => {
    const at = index.def(c.name, 1).hits[0] ?? index.refs(c.name, 1).hits[0]!;
    return { ...c, path: at.path, line: at.line, column: at.column };
  });
}

function importsWithLines(index: PartitionIndex, path: string): ImportLine[] | null {
  const edges = index.imports(path);
  if (edges === null) return null;
  const lines = importLines(index.text(path) ?? '', edges.map((e) => e.specifier));
  return edges.map((e, i) => ({ specifier: e.specifier, line: lines[i]! }));
}

function importersWithLines(index: PartitionIndex, path: string): LocalImporter[] {
  const out: LocalImporter[] = [];
  for (const e of index.importers(path)) {
    const specs = index.imports(e.path)!.map((i) => i.specifier);
    const lines = importLines(index.text(e.path) ?? '', specs);
    out.push({ path: e.path, specifier: e.specifier, line: lines[specs.indexOf(e.specifier)] ?? 1 });
  }
  return out;
}

function summarize(index: PartitionIndex): PartitionSummary {
  const counts = index.symbolCounts();
  return {
    files: index.fileCount,
    names: counts.names.length,
    filter: NameFilter.build(counts.names).toData(),
    counts: wireCounts(counts.names, counts.defs, counts.refs),
    trigrams: NameFilter.build(Array.from(index.trigramKeys(), trigramKey)).toData(),
  };
}
