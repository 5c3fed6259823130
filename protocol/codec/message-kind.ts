/**
 * The message's `k`, for error details, never calling user code beyond reading it.
 * @param message - anything offered as a message
 * @returns its kind, or "(no kind)"
 */
export function kindOf(message: unknown): string {
  try {
    const kind = (message as { k?: unknown }).k;
    return typeof kind === 'string' ? kind : '(no kind)';
  } catch {
    return '(no kind)'; // a proxy that throws on every read: the reason says why already
  }
}
