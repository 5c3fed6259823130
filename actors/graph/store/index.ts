export { GraphStore, type StoreOpening } from './graph-store.js';
export { captureManifest, manifestMismatch, restoreFileTable, restoreRouter, type GraphManifest, type ManifestShape } from './graph-manifest.js';
export { decodeManifest, encodeManifest, kManifestFormat } from './manifest-format.js';
export { diffTree, type StatEntry, type TreeDiff } from './tree-diff.js';
export { StoreLock } from './store-lock.js';
