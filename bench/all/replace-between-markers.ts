/**
 * Replaces what lies between the first `start` marker and the next `end` marker with body,
 * keeping both markers and everything outside them. Running it twice with the same body
 * gives the same text.
 * @throws Error when either marker is missing, so a hand edit that lost a marker is never overwritten silently
 */
export function replaceBetweenMarkers(text: string, start: string, end: string, body: string): string {
  const s = text.indexOf(start);
  if (s < 0) throw new Error(`Cannot regenerate section: start marker "${start}" not found`);
  const e = text.indexOf(end, s + start.length);
  if (e < 0) throw new Error(`Cannot regenerate section: end marker "${end}" not found after "${start}"`);
  const inner = body.replace(/^\n+|\n+$/g, '');
  return `${text.slice(0, s + start.length)}\n${inner}\n${text.slice(e)}`;
}
