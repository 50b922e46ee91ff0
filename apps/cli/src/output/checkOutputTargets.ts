import { stat } from 'node:fs/promises';
import { QtkError } from '@qtk/ir';
import { assertNotAnInput } from './assertNotAnInput.js';

/**
 * Checks, before a command computes anything, that it may write `targets`: none is one of `inputs`
 * (the model, input or sample files; compared by device and inode), and none exists as something
 * other than a file. A refused run leaves the disk as it was.
 */
export async function checkOutputTargets(targets: readonly string[], inputs: readonly string[]): Promise<void> {
  await assertNotAnInput(targets, inputs);
  for (const target of targets) {
    const existing = await stat(target).catch(() => undefined);
    if (existing && !existing.isFile()) {
      throw new QtkError('file.write', `${target}: exists and is not a file; cannot write the output there`);
    }
  }
}
