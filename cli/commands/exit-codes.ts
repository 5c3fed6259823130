/**
 * What `tessera` exits with. Scripts and hooks may rely on these: they are part of the CLI's
 * interface (docs/cli.md).
 */
export const kExit = {
  /** Done; for `query`, at least one result. */
  ok: 0,
  /** A query found nothing. */
  notFound: 1,
  /** Bad command line (unknown command or option, missing argument), or a command not available yet. */
  usage: 2,
  /** No daemon is running for the root. */
  notRunning: 3,
  /** Anything else: the daemon refused or failed the request, it failed to start, I/O errors. */
  error: 4,
} as const;

/** An exit code of `tessera`. */
export type ExitCode = (typeof kExit)[keyof typeof kExit];
