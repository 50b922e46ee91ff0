import type { DType } from '../../dtype/DType.js';
import { broadcastShapes } from '../../shape/broadcastShapes.js';
import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

const NUMERIC: readonly DType[] = ['float32', 'float64', 'int8', 'int16', 'int32', 'int64', 'uint8'];

/**
 * ONNX Mod (opset 10 on): with `fmod` 0 (integers only) the remainder takes the divisor's sign, as
 * Python's `%`; with `fmod` 1 the dividend's, as C's `fmod` (required for floats).
 */
export const Mod: CoreOpDefinition<'Mod'> = {
  op: 'Mod',
  summary: "Remainder, broadcasting: the divisor's sign (fmod 0, integers) or the dividend's (fmod 1).",
  traits: { quantRole: 'compute' },
  inputs: [{ name: 'A' }, { name: 'B' }],
  outputs: [{ name: 'C' }],
  attributes: { fmod: { kind: 'int', default: 0 } },
  inferTypes(ctx: InferenceContext) {
    const a = ctx.requireInput(0);
    const b = ctx.requireInput(1);
    if (!NUMERIC.includes(a.dtype)) ctx.fail(`input dtype ${a.dtype} is not numeric`);
    if (a.dtype !== b.dtype) ctx.fail(`input dtypes differ: ${a.dtype} and ${b.dtype}`);
    const fmod = ctx.attrs.int('fmod');
    if (fmod !== 0 && fmod !== 1) ctx.fail(`fmod must be 0 or 1, got ${fmod}`);
    if (fmod === 0 && (a.dtype === 'float32' || a.dtype === 'float64')) {
      ctx.fail(`fmod must be 1 for ${a.dtype} inputs (fmod 0 is integer only)`);
    }
    const shape = broadcastShapes(a.shape, b.shape);
    if (!shape) ctx.fail(`shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not broadcast`);
    return [{ dtype: a.dtype, shape }];
  },
};
