/**
 * Where the CLI writes, injectable so that tests run commands in-process and read what they print.
 */
export interface CliIo {
  /** Writes `text` to standard output as is (callers end lines with `\n`). */
  stdout(text: string): void;
  /** Writes `text` to standard error as is. */
  stderr(text: string): void;
  /** True when standard error is a terminal; progress is shown only then. */
  readonly interactive: boolean;
  /** The terminal's width in columns, when standard error is a terminal (progress bars fit it). */
  readonly columns?: number;
}

/** The process's own standard output and error. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
    get columns() {
      return process.stderr.columns;
    },
  };
}
