import { extname } from 'node:path';
import { UsageError } from '../cli/UsageError.js';

/**
 * Refuses an output file whose extension (any case) is not `extension`: the file would not load as
 * what it is (the CLI reads models by extension), and a typo such as `--out model.onnx` for an
 * artifact is caught before anything runs.
 */
export function checkOutputExtension(path: string, extension: string, what: string): void {
  if (extname(path).toLowerCase() !== extension) {
    throw new UsageError(`--out ${path}: ${what} is written to a ${extension} file`);
  }
}
