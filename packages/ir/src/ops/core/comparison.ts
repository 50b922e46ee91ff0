import type { DType } from '../../dtype/DType.js';
import { broadcastShapes } from '../../shape/broadcastShapes.js';
import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import type { OpTraits } from '../OpTraits.js';
import { sameTypeUnaryOp } from './elementwise.js';

const NUMERIC: readonly DType[] = ['float32', 'float64', 'int8', 'int16', 'int32', 'int64', 'uint8'];
const BOOL: readonly DType[] = ['bool'];

/** Masks and predicates: bool outputs are never quantized. */
const FLOAT_ROLE: OpTraits = { quantRole: 'float' };

/** A broadcasting op of two inputs of one dtype (of `dtypes`) with a bool output. */
function predicateOp<N extends string>(op: N, summary: string, dtypes: readonly DType[]): CoreOpDefinition<N> {
  return {
    op,
    summary,
    traits: FLOAT_ROLE,
    inputs: [{ name: 'A' }, { name: 'B' }],
    outputs: [{ name: 'C' }],
    attributes: {},
    inferTypes(ctx: InferenceContext) {
      const a = ctx.requireInput(0);
      const b = ctx.requireInput(1);
      if (!dtypes.includes(a.dtype)) ctx.fail(`input dtype ${a.dtype} is not one of ${dtypes.join(', ')}`);
      if (a.dtype !== b.dtype) ctx.fail(`input dtypes differ: ${a.dtype} and ${b.dtype}`);
      const shape = broadcastShapes(a.shape, b.shape);
      if (!shape) ctx.fail(`shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not broadcast`);
      return [{ dtype: 'bool', shape }];
    },
  };
}

export const Equal = predicateOp('Equal', 'a == b, broadcasting.', [...NUMERIC, 'bool']);
export const Less = predicateOp('Less', 'a < b, broadcasting.', NUMERIC);
export const Greater = predicateOp('Greater', 'a > b, broadcasting.', NUMERIC);
export const LessOrEqual = predicateOp('LessOrEqual', 'a <= b, broadcasting.', NUMERIC);
export const GreaterOrEqual = predicateOp('GreaterOrEqual', 'a >= b, broadcasting.', NUMERIC);
export const And = predicateOp('And', 'Logical and of bools, broadcasting.', BOOL);
export const Or = predicateOp('Or', 'Logical or of bools, broadcasting.', BOOL);
export const Xor = predicateOp('Xor', 'Logical exclusive or of bools, broadcasting.', BOOL);
export const Not = sameTypeUnaryOp('Not', 'Logical negation of bools.', FLOAT_ROLE, BOOL);
