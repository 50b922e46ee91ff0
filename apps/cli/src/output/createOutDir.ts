import { mkdir } from 'node:fs/promises';
import { QtkError } from '@qtk/ir';

/** Creates the output directory `dir` (and its parents) when missing. */
export async function createOutDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new QtkError('file.write', `${dir}: cannot create the output directory (${code ?? (e as Error).message})`);
  }
}
