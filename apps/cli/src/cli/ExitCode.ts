/** The exit codes of `qtk`. */
export const ExitCode = {
  /** The command did what was asked. */
  ok: 0,
  /** A user error (a bad file, model or input; the message says which) or a bug (with a stack). */
  failure: 1,
  /** The command line itself is wrong: unknown command or option, missing argument. */
  usage: 2,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
