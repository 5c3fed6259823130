import { errorTemplates, type ErrorCode, type ErrorDetails } from '../../../protocol/index.js';
import type { GraphProblem } from './file-tags.js';

/**
 * Builds a coded problem as plain data, rendering the code's message template.
 * @param code - an `ERR_GRAPH_*` code (any known code is accepted)
 * @param details - the details the message is rendered from; they travel with it
 * @returns `{ code, message, details }`
 * @example
 * graphProblem('ERR_GRAPH_FILE_TOO_LARGE', { path: 'a.js', bytes: 2e6, limit: 1e6 });
 */
export function graphProblem<C extends ErrorCode>(code: C, details: ErrorDetails<C>): GraphProblem {
  const render = errorTemplates[code] as (d: ErrorDetails<C>) => string;
  return { code, message: render(details), details: { ...(details as Record<string, unknown>) } };
}
