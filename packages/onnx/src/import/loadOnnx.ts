import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Graph, QtkError } from '@qtk/ir';
import type { ImportOptions } from './ImportOptions.js';
import { importOnnx } from './importOnnx.js';

function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/**
 * Reads and imports an .onnx file (see {@link importOnnx}). Tensors stored as external data are
 * read from their side files, relative to the model's directory; each side file is read once.
 */
export async function loadOnnx(
  path: string,
  options: Omit<ImportOptions, 'source' | 'readExternal'> = {},
): Promise<Graph> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new QtkError('file.read', `${path}: cannot read (${reason(e)})`);
  }
  const dir = dirname(path);
  const sideFiles = new Map<string, Uint8Array>();
  const readExternal = (location: string): Uint8Array => {
    const file = join(dir, location);
    let data = sideFiles.get(file);
    if (!data) {
      try {
        data = readFileSync(file);
      } catch (e) {
        throw new QtkError('onnx.external-data', `cannot read the side file '${file}' (${reason(e)})`);
      }
      sideFiles.set(file, data);
    }
    return data;
  };
  return importOnnx(bytes, { ...options, source: path, readExternal });
}
