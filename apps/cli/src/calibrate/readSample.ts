import { isQtkError, QtkError, type Tensor, type Value } from '@qtk/ir';
import { readNpyFile } from '../io/npy/npyFile.js';
import { readNpzFile } from '../io/npz/npzFile.js';
import { type CheckFeedOptions, checkFeed, type SymbolBindings } from '../run/checkFeed.js';

/** {@link checkFeed}, whose refusal of non-finite values names the flag that lets them through. */
function checkSample(
  input: Value,
  tensor: Tensor,
  file: string,
  bindings: SymbolBindings,
  options: CheckFeedOptions,
): void {
  try {
    checkFeed(input, tensor, file, bindings, options);
  } catch (e) {
    if (isQtkError(e) && e.code === 'cli.input-nonfinite') {
      throw new QtkError(e.code, `${e.message} (or skip them with --skip-non-finite)`, { cause: e });
    }
    throw e;
  }
}

/**
 * Reads one calibration sample: a `.npy` file is the only input's value; a `.npz` file holds one
 * array per model input, named after it (other arrays, such as labels, are ignored). Each value is
 * checked against its input like `qtk run`'s inputs (dtype, shape, finite values unless
 * `options.allowNonFinite`), and errors name the file. Symbolic dims are bound per sample, so samples may differ in, say, batch size.
 */
export async function readSample(
  file: string,
  format: 'npy' | 'npz',
  inputs: readonly Value[],
  options: CheckFeedOptions = {},
): Promise<Record<string, Tensor>> {
  const feeds: Record<string, Tensor> = {};
  const bindings: SymbolBindings = new Map();
  if (format === 'npy') {
    const input = inputs[0] as Value;
    const tensor = await readNpyFile(file);
    checkSample(input, tensor, file, bindings, options);
    feeds[input.name] = tensor;
    return feeds;
  }
  const arrays = await readNpzFile(file);
  for (const input of inputs) {
    const tensor = arrays.get(input.name);
    if (!tensor) {
      const has = [...arrays.keys()];
      throw new QtkError(
        'cli.sample',
        `${file}: no array '${input.name}' (the file has ${has.length > 0 ? has.map((n) => `'${n}'`).join(', ') : 'none'}); a .npz sample holds one array per model input, named after it: ${inputs.map((v) => v.name).join(', ')}`,
      );
    }
    checkSample(input, tensor, file, bindings, options);
    feeds[input.name] = tensor;
  }
  return feeds;
}
