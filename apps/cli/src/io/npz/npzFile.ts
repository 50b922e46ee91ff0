import type { Tensor } from '@qtk/ir';
import { readUserFile } from '../readUserFile.js';
import { decodeNpz } from './decodeNpz.js';

/** Reads a `.npz` file into its arrays by name; errors name the file and member. */
export async function readNpzFile(path: string): Promise<Map<string, Tensor>> {
  return decodeNpz(await readUserFile(path), path);
}
