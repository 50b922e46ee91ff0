import type { DType } from '../../dtype/DType.js';
import type { TensorType } from '../../graph/TensorType.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import type { OpTraits } from '../OpTraits.js';
import { broadcastBinaryOp, sameTypeUnaryOp } from './elementwise.js';

const NUMERIC: readonly DType[] = ['float32', 'float64', 'int8', 'int16', 'int32', 'int64', 'uint8'];
const BOOL: readonly DType[] = ['bool'];

/** Masks and predicates: bool outputs are never quantized. */
const FLOAT_ROLE: OpTraits = { quantRole: 'float' };

/** A broadcasting op of two inputs of one dtype (of `dtypes`) with a bool output. */
function predicateOp<N extends string>(op: N, summary: string, dtypes: readonly DType[]): CoreOpDefinition<N> {
  const operands = broadcastBinaryOp(op, summary, FLOAT_ROLE, true, dtypes);
  return {
    ...operands,
    inferTypes(ctx: InferenceContext) {
      const [c] = operands.inferTypes(ctx) as [TensorType];
      return [{ dtype: 'bool', shape: c.shape }];
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
