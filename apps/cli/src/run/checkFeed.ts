import { type Dim, formatShape, isFloatDType, QtkError, type Tensor, type Value } from '@qtk/ir';

/** Sizes given to symbolic dims so far, and by which input, so all inputs agree. */
export type SymbolBindings = Map<string, { readonly size: number; readonly input: string }>;

/** Options of {@link checkFeed}. */
export interface CheckFeedOptions {
  /** Let NaN and infinity through (calibration with `--skip-non-finite`: the observers skip them). */
  readonly allowNonFinite?: boolean;
}

/**
 * Checks that `tensor`, read from `file`, fits the graph input `input`: same dtype, same rank, each
 * fixed dim equal, each named symbolic dim equal to the size other inputs gave it (recorded in
 * `bindings`; `'?'` takes any size), and, for floats, no NaN or infinity unless allowed. Errors
 * name the input and the file and give what was expected next to what was found.
 */
export function checkFeed(
  input: Value,
  tensor: Tensor,
  file: string,
  bindings: SymbolBindings,
  options: CheckFeedOptions = {},
): void {
  const where = `input '${input.name}' (${file})`;
  const expected = input.type;
  if (tensor.dtype !== expected.dtype) {
    throw new QtkError('cli.input-dtype', `${where}: expected dtype ${expected.dtype}, got ${tensor.dtype}`);
  }
  const wrongShape = (detail = ''): never => {
    throw new QtkError(
      'cli.input-shape',
      `${where}: expected shape ${formatShape(expected.shape)}${detail}, got ${formatShape(tensor.shape)}`,
    );
  };
  if (tensor.rank !== expected.shape.length) wrongShape();
  const local = new Map<string, number>();
  expected.shape.forEach((dim: Dim, i) => {
    const given = tensor.shape[i] as number;
    if (typeof dim === 'number') {
      if (dim !== given) wrongShape();
      return;
    }
    // '?' is a dim shape inference could not name: any size fits and nothing is bound.
    if (dim === '?') return;
    const other = bindings.get(dim);
    if (other && other.size !== given) wrongShape(` with ${dim} = ${other.size} as in input '${other.input}'`);
    const mine = local.get(dim);
    if (mine !== undefined && mine !== given) wrongShape(` (the dims named ${dim} must be equal)`);
    local.set(dim, given);
  });
  if (isFloatDType(tensor.dtype) && !options.allowNonFinite) {
    let nan = 0;
    let infinite = 0;
    for (const v of tensor.data as Float32Array | Float64Array) {
      if (Number.isNaN(v)) nan++;
      else if (!Number.isFinite(v)) infinite++;
    }
    if (nan + infinite > 0) {
      const counts = [nan > 0 ? `${nan} NaN` : '', infinite > 0 ? `${infinite} infinite` : ''].filter(Boolean);
      throw new QtkError(
        'cli.input-nonfinite',
        `${where}: ${counts.join(' and ')} value${nan + infinite > 1 ? 's' : ''} of ${tensor.size}; inputs must be finite`,
      );
    }
  }
  for (const [symbol, size] of local) bindings.set(symbol, { size, input: input.name });
}
