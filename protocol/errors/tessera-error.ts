import { errorTemplates, type ErrorCode, type ErrorDetails } from './error-table.js';

const kFootprint = Symbol.for('tessera.error');

/**
 * An error with a stable code and the details its message was rendered from.
 * Never test it with `instanceof` across threads: use {@link isTesseraError} and compare `code`.
 */
export class TesseraError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails<C>;
  readonly [kFootprint] = true;

  constructor(code: C, details: ErrorDetails<C>, message?: string) {
    const render = errorTemplates[code] as (d: ErrorDetails<C>) => string;
    super(message ?? render(details));
    this.name = 'TesseraError';
    this.code = code;
    this.details = details;
  }
}

/**
 * Builds a coded error.
 * @example
 * throw tesseraError('ERR_RING_CLOSED', { ring: 'sup->w1' });
 */
export function tesseraError<C extends ErrorCode>(code: C, details: ErrorDetails<C>): TesseraError<C> {
  return new TesseraError(code, details);
}

/** True for any coded error, or for one with the given code; works on errors rebuilt from the wire. */
export function isTesseraError<C extends ErrorCode>(err: unknown, code?: C): err is TesseraError<C> {
  if (typeof err !== 'object' || err === null) return false;
  if ((err as Record<symbol, unknown>)[kFootprint] !== true) return false;
  return code === undefined || (err as TesseraError).code === code;
}
