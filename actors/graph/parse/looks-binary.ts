/** How many leading bytes are searched for a NUL byte, as git and ripgrep do. */
export const kBinarySniffBytes = 8192;

/**
 * Where the first NUL byte of a file's head is: a file with one is treated as binary.
 * @param head - the start of the file (only the first {@link kBinarySniffBytes} bytes are read)
 * @returns the offset of the first NUL byte, or -1 for a text file
 */
export function nulOffset(head: Uint8Array): number {
  return head.subarray(0, kBinarySniffBytes).indexOf(0);
}
