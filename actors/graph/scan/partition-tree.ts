/**
 * Groups a tree's files into partitions of about a target size that follow the directory
 * structure: a directory subtree that fits is one unit; a larger one is split into its
 * subdirectories (recursively) and runs of its direct children packed together in name order.
 * Then a group under half the target joins its predecessor when both fit together, so splitting
 * a large directory leaves no trail of tiny partitions.
 *
 * Partitions are contiguous ranges of paths in code-unit order (a subtree `a/b/` is always
 * contiguous in it), so a partition is named by the first key it covers and any path, also one
 * created later, maps to exactly one partition by binary search (see partition-of.ts).
 */

/** Target size of a partition: it closes before it would exceed either bound. */
export interface PartitionTarget {
  files?: number;
  bytes?: number;
}

/** One partition of a plan. */
export interface PartitionInfo {
  /** Index in the plan, in path order. */
  id: number;
  /** First path key of the range ('' for the first partition, which also takes any path before). */
  start: string;
  /** The subtrees (`dir/`) and files (`dir/name`) it was built from, in path order. */
  roots: string[];
  files: number;
  bytes: number;
}

/** Partitions in path order and their start keys (plain data: persist it as is). */
export interface PartitionPlan {
  partitions: PartitionInfo[];
  /** `starts[i]` is `partitions[i].start`, sorted ascending. */
  starts: string[];
  /**
   * `ids[i]` is `partitions[i].id` once partitions were split or merged (ids are never reused,
   * so a new partition's id is past every other); absent while `ids[i]` is `i`.
   */
  ids?: number[];
}

interface DirNode {
  key: string;
  dirs: Map<string, DirNode>;
  files: { key: string; bytes: number }[];
  totalFiles: number;
  totalBytes: number;
}

interface Unit {
  key: string;
  files: number;
  bytes: number;
  dir: DirNode | null;
}

interface Group {
  roots: string[];
  files: number;
  bytes: number;
}

/**
 * Plans partitions for a set of files.
 * @param files - paths relative to the root, `/`-separated, with their sizes in bytes
 * @param target - at most this many files and/or bytes per partition (a single larger file or
 *   indivisible directory still gets one partition)
 * @returns the plan; at least one partition, even for no files
 * @throws RangeError when the target sets no bound or a bound below 1
 * @example
 * const plan = partitionTree(files, { files: 2000 });
 * partitionOf(plan, 'src/app/main.ts'); // → a partition id
 */
export function partitionTree(files: Iterable<{ path: string; size: number }>, target: PartitionTarget): PartitionPlan {
  checkTarget(target);
  const root = buildTree(files);
  const groups: Group[] = [];
  planDir(root, target, groups);
  mergeSmallNeighbours(groups, target);
  if (groups.length === 0) groups.push({ roots: [], files: 0, bytes: 0 });
  const partitions = groups.map((g, id) => ({ id, start: id === 0 ? '' : g.roots[0]!, roots: g.roots, files: g.files, bytes: g.bytes }));
  return { partitions, starts: partitions.map((p) => p.start) };
}

function checkTarget(target: PartitionTarget): void {
  const { files, bytes } = target;
  if (files === undefined && bytes === undefined) throw new RangeError('Cannot partition: the target sets neither files nor bytes');
  if (files !== undefined && !(files >= 1)) throw new RangeError(`Cannot partition: target files must be at least 1: current value is ${files}`);
  if (bytes !== undefined && !(bytes >= 1)) throw new RangeError(`Cannot partition: target bytes must be at least 1: current value is ${bytes}`);
}

function buildTree(files: Iterable<{ path: string; size: number }>): DirNode {
  const root = dirNode('');
  for (const { path, size } of files) {
    const parts = path.split('/');
    let dir = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const name = parts[i]!;
      let child = dir.dirs.get(name);
      if (child === undefined) dir.dirs.set(name, (child = dirNode(`${dir.key}${name}/`)));
      dir = child;
    }
    dir.files.push({ key: path, bytes: size });
  }
  sumTotals(root);
  return root;
}

function dirNode(key: string): DirNode {
  return { key, dirs: new Map(), files: [], totalFiles: 0, totalBytes: 0 };
}

function sumTotals(dir: DirNode): void {
  dir.totalFiles = dir.files.length;
  dir.totalBytes = dir.files.reduce((sum, f) => sum + f.bytes, 0);
  for (const child of dir.dirs.values()) {
    sumTotals(child);
    dir.totalFiles += child.totalFiles;
    dir.totalBytes += child.totalBytes;
  }
}

function fits(files: number, bytes: number, target: PartitionTarget): boolean {
  return (target.files === undefined || files <= target.files) && (target.bytes === undefined || bytes <= target.bytes);
}

// Appends the groups of one directory in path order; recursion depth is the tree's depth.
function planDir(dir: DirNode, target: PartitionTarget, out: Group[]): void {
  if (dir.totalFiles === 0) return;
  if (fits(dir.totalFiles, dir.totalBytes, target)) {
    out.push({ roots: [dir.key], files: dir.totalFiles, bytes: dir.totalBytes });
    return;
  }
  let run: Group | null = null;
  for (const unit of childUnits(dir)) {
    if (unit.dir !== null && !fits(unit.files, unit.bytes, target)) {
      if (run !== null) out.push(run);
      run = null;
      planDir(unit.dir, target, out);
      continue;
    }
    if (run !== null && !fits(run.files + unit.files, run.bytes + unit.bytes, target)) {
      out.push(run);
      run = null;
    }
    run ??= { roots: [], files: 0, bytes: 0 };
    run.roots.push(unit.key);
    run.files += unit.files;
    run.bytes += unit.bytes;
  }
  if (run !== null) out.push(run);
}

// A directory's files and subdirectories, sorted by key: `dir/` sorts where its paths do.
function childUnits(dir: DirNode): Unit[] {
  const units: Unit[] = dir.files.map((f) => ({ key: f.key, files: 1, bytes: f.bytes, dir: null }));
  for (const child of dir.dirs.values()) {
    if (child.totalFiles > 0) units.push({ key: child.key, files: child.totalFiles, bytes: child.totalBytes, dir: child });
  }
  return units.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function isSmall(g: Group, target: PartitionTarget): boolean {
  return (target.files === undefined || g.files * 2 < target.files) && (target.bytes === undefined || g.bytes * 2 < target.bytes);
}

// Neighbours are adjacent path ranges, so merging two keeps every partition one contiguous range.
function mergeSmallNeighbours(groups: Group[], target: PartitionTarget): void {
  let kept = 0;
  for (const g of groups) {
    const prev = kept > 0 ? groups[kept - 1]! : undefined;
    if (prev !== undefined && (isSmall(prev, target) || isSmall(g, target)) && fits(prev.files + g.files, prev.bytes + g.bytes, target)) {
      prev.roots.push(...g.roots);
      prev.files += g.files;
      prev.bytes += g.bytes;
    } else {
      groups[kept++] = g;
    }
  }
  groups.length = kept;
}
