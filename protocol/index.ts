export {
  errorTemplates,
  isErrorCode,
  TesseraError,
  tesseraError,
  isTesseraError,
  toWireError,
  fromWireError,
  kUnknownErrorCode,
  type ErrorCode,
  type ErrorDetails,
  type WireError,
} from './errors/index.js';
export { RingBuffer, RingWriter, RingReader, park, unpark, ringLayout } from './ring/index.js';
export type { RingWriterOptions, RingWriterStats, RingReaderOptions, RingReaderStats, ParkResult } from './ring/index.js';
