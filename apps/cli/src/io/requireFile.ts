import { stat } from 'node:fs/promises';
import { QtkError } from '@qtk/ir';
import { describeFileError } from './readUserFile.js';

/** Checks that `path` names an existing regular file, with a one-line error naming it otherwise. */
export async function requireFile(path: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (e) {
    throw new QtkError('file.read', `${path}: ${describeFileError(e)}`, { cause: e });
  }
  if (!isFile) throw new QtkError('file.read', `${path}: not a regular file`);
}
