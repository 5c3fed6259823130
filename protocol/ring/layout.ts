/**
 * Memory layout of one single-producer single-consumer ring over a SharedArrayBuffer.
 *
 *   byte 0                256                                  256 + capacity
 *   | header (Int32 words) | data: frames, 4-byte aligned, circular |
 *
 * Header words (Int32 indexes). Words written by different sides sit on different 64-byte
 * cache lines, so the producer's head stores do not invalidate the consumer's tail line.
 *
 * | word                 | writer   | meaning                                                  |
 * |----------------------|----------|----------------------------------------------------------|
 * | kHead                | producer | bytes ever written (u32, wraps); published after a frame |
 * | kTail                | consumer | bytes ever consumed (u32, wraps); published after a frame|
 * | kConsumerParked      | both     | 1 while the consumer is (about to be) parked             |
 * | kConsumerEpoch       | producer | bumped by whoever un-parks the consumer; it waits on this |
 * | kProducerParked      | both     | 1 while the producer waits for space                     |
 * | kProducerEpoch       | consumer | bumped by whoever un-parks the producer                  |
 * | kProducerWants       | producer | free bytes the parked producer waits for                 |
 * | kClosed              | both     | 1 once either side closed the ring                       |
 * | kCapacityWord        | creator  | data capacity in bytes, checked when a side attaches     |
 * | kMagicWord           | creator  | kRingMagic, so a foreign buffer is refused               |
 *
 * Frame: one u32 little-endian header word, then the payload, padded to 4 bytes.
 * Header bits 0..29: payload length; bit 31 (kMoreFlag): more chunks of the same message follow.
 */
export const kHead = 0;
export const kTail = 16;
export const kConsumerParked = 32;
export const kConsumerEpoch = 33;
export const kProducerParked = 48;
export const kProducerEpoch = 49;
export const kProducerWants = 50;
export const kClosed = 56;
export const kCapacityWord = 60;
export const kMagicWord = 61;

/** Header size in bytes: 64 Int32 words, four cache lines. */
export const kHeaderBytes = 256;
/** Marks the buffer as one of ours ("TSRA"). */
export const kRingMagic = 0x54535241;

/** Frame header size in bytes. */
export const kFrameHeaderBytes = 4;
/** Set on every chunk of a message but its last. */
export const kMoreFlag = 0x80000000;
/** Payload length bits of a frame header. */
export const kLengthMask = 0x3fffffff;

/** Smallest and largest data capacities (bytes, powers of two). */
export const kMinCapacity = 64;
export const kMaxCapacity = 1 << 30;

/** Rounds a byte count up to the 4-byte frame alignment. */
export function align4(n: number): number {
  return (n + 3) & ~3;
}
