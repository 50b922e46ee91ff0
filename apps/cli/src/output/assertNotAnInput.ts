import { stat } from 'node:fs/promises';
import { QtkError } from '@qtk/ir';

async function identity(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuses to write any of `targets` when it is one of `inputs` (the model and input files). Files
 * are compared by device and inode, so another spelling of the path, a symlink or a hard link to an
 * input is caught too; a target that does not exist yet cannot be an input.
 */
export async function assertNotAnInput(targets: readonly string[], inputs: readonly string[]): Promise<void> {
  const inputIds = new Map<string, string>();
  for (const input of inputs) {
    const id = await identity(input);
    if (id !== undefined && !inputIds.has(id)) inputIds.set(id, input);
  }
  for (const target of targets) {
    const id = await identity(target);
    const input = id === undefined ? undefined : inputIds.get(id);
    if (input !== undefined) {
      throw new QtkError(
        'cli.overwrite-input',
        `${target}: refusing to write over the input file ${input}; choose another --out directory`,
      );
    }
  }
}
