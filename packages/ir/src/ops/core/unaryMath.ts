import type { DType } from '../../dtype/DType.js';
import type { OpTraits } from '../OpTraits.js';
import { sameTypeUnaryOp } from './elementwise.js';

const FLOAT: readonly DType[] = ['float32', 'float64'];
const SIGNED: readonly DType[] = ['float32', 'float64', 'int8', 'int16', 'int32', 'int64'];
const NUMERIC: readonly DType[] = [...SIGNED, 'uint8'];

const COMPUTE: OpTraits = { quantRole: 'compute' };

/** -x; integers wrap as their storage does (int8 -(-128) is -128, as in C). */
export const Neg = sameTypeUnaryOp('Neg', '-x.', COMPUTE, SIGNED);
/** |x|; integers wrap as their storage does (int8 |-128| is -128, as in C). */
export const Abs = sameTypeUnaryOp('Abs', '|x|.', COMPUTE, NUMERIC);
export const Sign = sameTypeUnaryOp('Sign', '-1, 0 or 1 as x is negative, zero or positive.', COMPUTE, NUMERIC);
export const Reciprocal = sameTypeUnaryOp('Reciprocal', '1 / x.', COMPUTE, FLOAT);
export const Log = sameTypeUnaryOp('Log', 'Natural logarithm.', COMPUTE, FLOAT);
export const Floor = sameTypeUnaryOp('Floor', 'Largest integer not above x.', COMPUTE, FLOAT);
export const Ceil = sameTypeUnaryOp('Ceil', 'Smallest integer not below x.', COMPUTE, FLOAT);
export const Round = sameTypeUnaryOp('Round', 'Nearest integer, halves to even.', COMPUTE, FLOAT);
export const Cos = sameTypeUnaryOp('Cos', 'Cosine (radians).', COMPUTE, FLOAT);
export const Sin = sameTypeUnaryOp('Sin', 'Sine (radians).', COMPUTE, FLOAT);
