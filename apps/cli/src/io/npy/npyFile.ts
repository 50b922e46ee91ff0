import { QtkError, type Tensor } from '@qtk/ir';
import writeFileAtomic from 'write-file-atomic';
import { readUserFile } from '../readUserFile.js';
import { decodeNpy } from './decodeNpy.js';
import { encodeNpy } from './encodeNpy.js';

/** Reads a `.npy` file into a tensor; errors name the file. */
export async function readNpyFile(path: string): Promise<Tensor> {
  return decodeNpy(await readUserFile(path), path);
}

/**
 * Writes `tensor` to a `.npy` file atomically (a temporary file renamed into place), so a reader
 * never sees half a file and a failed run leaves no partial output.
 */
export async function writeNpyFile(path: string, tensor: Tensor): Promise<void> {
  const bytes = encodeNpy(tensor);
  try {
    await writeFileAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new QtkError('file.write', `${path}: cannot write (${code ?? (e as Error).message})`, { cause: e });
  }
}
