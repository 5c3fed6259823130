import { getHeapStatistics } from 'node:v8';

/**
 * Memory a worker thread's isolate holds against the budget: its committed heap (what it adds
 * to RSS: live objects plus not-yet-collected garbage and free space V8 keeps) plus external
 * memory (ArrayBuffers). Counting committed rather than live bytes is what keeps the process
 * RSS, not just the live data, within the budget.
 */
export function threadMemoryBytes(): number {
  const heap = getHeapStatistics();
  return heap.total_physical_size + heap.external_memory;
}

/**
 * Live memory of this thread: used heap plus external memory. The supervisor counts its own
 * thread this way (above its baseline), since its heap's spare capacity is not actor state.
 */
export function threadLiveBytes(): number {
  const heap = getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}
