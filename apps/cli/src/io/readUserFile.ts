import { readFile } from 'node:fs/promises';
import { QtkError } from '@qtk/ir';

/** Why a file could not be opened, in words, from a Node.js file-system error. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot read (${code ?? (error as Error).message})`;
  }
}

/** The bytes of a file the user named; a missing or unreadable file is a {@link QtkError} naming it. */
export async function readUserFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new QtkError('file.read', `${path}: ${describeFileError(e)}`, { cause: e });
  }
}
