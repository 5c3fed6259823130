import { daemonErrorTemplates } from './daemon-error-codes.js';
import { graphErrorTemplates } from './graph-error-codes.js';
import { runtimeErrorTemplates } from './runtime-error-codes.js';
import { wireErrorTemplates } from './wire-error-codes.js';

/**
 * Every `ERR_*` code the project raises, by area. Codes are stable: a retired code is never
 * reused. `docs/errors.md` lists each one (checked by test/docs/errors-doc.test.ts).
 */
export const errorTemplates = {
  ...wireErrorTemplates,
  ...runtimeErrorTemplates,
  ...graphErrorTemplates,
  ...daemonErrorTemplates,
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof errorTemplates;

/** The details a code's message is rendered from; they travel with the error. */
export type ErrorDetails<C extends ErrorCode> = Parameters<(typeof errorTemplates)[C]>[0];

/** True when `code` names a known error. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorTemplates, code);
}
