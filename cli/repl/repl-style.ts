/**
 * ANSI colours for the REPL, grep-like: file magenta, line green, match bold red. A style with
 * colours off returns text unchanged, so piped output is plain.
 */
export interface ReplStyle {
  readonly file: (s: string) => string;
  readonly line: (s: string) => string;
  readonly kind: (s: string) => string;
  readonly name: (s: string) => string;
  readonly match: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly error: (s: string) => string;
}

const sgr = (open: string, close: string) => (s: string) => (s === '' ? s : `\x1b[${open}m${s}\x1b[${close}m`);
const plain = (s: string): string => s;

/**
 * The REPL's style.
 * @param colour - whether to colour (a terminal without NO_COLOR)
 */
export function replStyle(colour: boolean): ReplStyle {
  if (!colour) return { file: plain, line: plain, kind: plain, name: plain, match: plain, dim: plain, error: plain };
  return {
    file: sgr('35', '39'),
    line: sgr('32', '39'),
    kind: sgr('2', '22'),
    name: sgr('1', '22'),
    match: sgr('1;31', '22;39'),
    dim: sgr('2', '22'),
    error: sgr('31', '39'),
  };
}
