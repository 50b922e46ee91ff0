import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file of `test/data` (written by NumPy with `makeNpyData.py`). */
export function testData(name: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'data', name);
}
