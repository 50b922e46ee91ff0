import type { Tensor } from '@qtk/ir';
import { writeOutputFile } from '../../output/writeOutputFile.js';
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
  await writeOutputFile(path, encodeNpy(tensor));
}
