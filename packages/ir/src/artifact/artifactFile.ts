import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { QtkError } from '../errors/QtkError.js';
import type { Artifact } from './Artifact.js';
import { type DecodeArtifactOptions, decodeArtifact } from './decodeArtifact.js';
import { encodeArtifact } from './encodeArtifact.js';

/** Writes an artifact to a .qtk file atomically (a temporary file renamed into place). */
export async function saveArtifact(path: string, artifact: Artifact): Promise<void> {
  const bytes = encodeArtifact(artifact);
  await writeFileAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Reads a .qtk file; errors name the file. */
export async function loadArtifact(
  path: string,
  options: Omit<DecodeArtifactOptions, 'source'> = {},
): Promise<Artifact> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new QtkError(
      'file.read',
      `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  return decodeArtifact(bytes, { ...options, source: path });
}
