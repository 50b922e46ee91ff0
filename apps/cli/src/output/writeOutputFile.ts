import { QtkError } from '@qtk/ir';
import writeFileAtomic from 'write-file-atomic';

/**
 * Writes `contents` (bytes, or text as UTF-8) to `path` atomically: a temporary file renamed into
 * place, so a reader never sees half a file and a failed run leaves no partial output.
 */
export async function writeOutputFile(path: string, contents: Uint8Array | string): Promise<void> {
  const data =
    typeof contents === 'string' ? contents : Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength);
  try {
    await writeFileAtomic(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new QtkError('file.write', `${path}: cannot write (${code ?? (e as Error).message})`, { cause: e });
  }
}
