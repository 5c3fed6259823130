export { scanTree, TreeScan, type ScanOptions, type ScannedFile, type ScanProblem, type ScanStats } from './scan-tree.js';
export { nodeScanFs, type ScanFs } from './scan-fs.js';
export { IgnoreRules, isIgnored, type IgnoreVerdict } from './ignore-rules.js';
export { compileIgnorePattern, type IgnorePattern } from './ignore-pattern.js';
export { partitionTree, type PartitionTarget, type PartitionInfo, type PartitionPlan } from './partition-tree.js';
export { partitionOf } from './partition-of.js';
export { mergePlan, nextPartitionId, planIds, splitPlan } from './plan-edit.js';
