import { CommanderError } from 'commander';
import { type CliIo, processIo } from './cli/CliIo.js';
import { ExitCode } from './cli/ExitCode.js';
import { reportError } from './cli/reportError.js';
import { createProgram } from './program.js';

/**
 * Runs `qtk` with the command-line arguments `args` (without `node` and the script) and returns the
 * exit code: 0 on success, 1 for an error in the user's files or a bug, 2 for a usage error.
 * Nothing is printed except through `io`, and the process is never exited, so tests call it in-process.
 */
export async function main(args: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the help, version or usage error already; help and version exit 0.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    return reportError(error, io, program.opts<{ debug?: boolean }>().debug === true);
  }
}
