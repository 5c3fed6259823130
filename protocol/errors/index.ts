export { errorTemplates, isErrorCode, type ErrorCode, type ErrorDetails } from './error-table.js';
export { TesseraError, tesseraError, isTesseraError } from './tessera-error.js';
export { toWireError, fromWireError, kUnknownErrorCode, type WireError } from './wire-error.js';
