import { isQtkError } from '@qtk/ir';
import type { CliIo } from './CliIo.js';
import { ExitCode } from './ExitCode.js';

/**
 * Prints an error that ended a command and returns the exit code. A {@link QtkError} is the user's
 * problem: one line `qtk: <message>`, with the stack only under `--debug`. Anything else is a bug in
 * qtk and always keeps its stack, so that it can be reported.
 */
export function reportError(error: unknown, io: CliIo, debug: boolean): ExitCode {
  if (isQtkError(error)) {
    io.stderr(`qtk: ${error.message}\n`);
    if (debug && error.stack) io.stderr(`${error.stack}\n`);
    return ExitCode.failure;
  }
  const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  io.stderr(`qtk: internal error (this is a bug in qtk; please report it with the output below)\n${stack}\n`);
  return ExitCode.failure;
}
