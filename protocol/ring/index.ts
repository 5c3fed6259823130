export { RingBuffer } from './ring-buffer.js';
export { RingWriter, type RingWriterOptions, type RingWriterStats } from './ring-writer.js';
export { RingReader, type RingReaderOptions, type RingReaderStats } from './ring-reader.js';
export { park, unpark, type ParkResult } from './park.js';
export * as ringLayout from './layout.js';
export {
  DuplexChannel,
  createChannelBuffers,
  type ChannelBuffers,
  type DuplexChannelOptions,
  type MessageCodec,
  type StreamMessageCodec,
} from './duplex-channel.js';
