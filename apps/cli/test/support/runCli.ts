import type { CliIo } from '../../src/cli/CliIo.js';
import { main } from '../../src/main.js';

/** What one in-process `qtk` invocation printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `qtk args...` in-process, capturing its output (not a terminal, so no progress). */
export async function runCli(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    interactive: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
