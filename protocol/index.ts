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
