import { toWireError } from '../../protocol/index.js';
import type { RuntimeEvent } from '../../runtime/index.js';

/**
 * A runtime event as plain data for the socket: the `error` some events carry (any thrown
 * value) becomes a wire error without its stack; everything else is already plain.
 * @param event - an event from `supervisor.on()`
 * @returns an object safe to put in an `event` message
 */
export function plainRuntimeEvent(event: RuntimeEvent): Record<string, unknown> {
  if (!('error' in event)) return { ...event };
  return { ...event, error: toWireError(event.error, false) };
}
