import { getHeapStatistics } from 'node:v8';

/**
 * Memory this thread's isolate holds: live heap plus external memory (ArrayBuffers). The figure
 * the memory budget counts, for workers and for the supervisor's own thread.
 */
export function threadMemoryBytes(): number {
  const heap = getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}
