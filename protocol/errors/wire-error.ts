import { isErrorCode, type ErrorCode, type ErrorDetails } from './error-table.js';
import { TesseraError, isTesseraError } from './tessera-error.js';

/** An error as plain data, the only form in which errors cross threads and sockets. */
export interface WireError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  stack?: string;
}

/** Code given to errors that carry no code of ours (a bug, a TypeError from user code). */
export const kUnknownErrorCode = 'ERR_INTERNAL';

/**
 * Turns any thrown value into plain data.
 * @param err - whatever was thrown
 * @param withStack - include the stack (off for clients on a socket)
 */
export function toWireError(err: unknown, withStack = true): WireError {
  if (isTesseraError(err)) {
    const out: WireError = { code: err.code, message: err.message, details: { ...(err.details as object) } };
    if (withStack && err.stack) out.stack = err.stack;
    return out;
  }
  if (err instanceof Error) {
    const raw = (err as { code?: unknown }).code;
    const code = typeof raw === 'string' ? raw : kUnknownErrorCode;
    const out: WireError = { code, message: err.message };
    if (withStack && err.stack) out.stack = err.stack;
    return out;
  }
  return { code: kUnknownErrorCode, message: String(err) };
}

/**
 * Rebuilds an error from data. Known codes come back as {@link TesseraError}; others as a
 * plain Error carrying `code`.
 */
export function fromWireError(wire: WireError): Error & { code: string } {
  let err: Error & { code: string };
  if (isErrorCode(wire.code)) {
    const code: ErrorCode = wire.code;
    err = new TesseraError(code, (wire.details ?? {}) as ErrorDetails<typeof code>, wire.message);
  } else {
    err = Object.assign(new Error(wire.message), { code: wire.code });
  }
  if (wire.stack) err.stack = wire.stack;
  return err;
}
