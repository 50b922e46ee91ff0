import type { OpDefinition } from '../OpDefinition.js';
import { IntegerAdd, IntegerMul, IntegerSub } from './integerElementwise.js';
import { IntegerConv, IntegerConvTranspose, IntegerLinear, IntegerMatMul } from './integerGemm.js';
import { IntegerGridSample } from './integerGridSample.js';
import { IntegerInstanceNorm, IntegerLayerNorm, IntegerSoftmax } from './integerNormalization.js';
import { IntegerPRelu } from './integerPRelu.js';
import { IntegerGlobalAveragePool, IntegerReduceMean, IntegerReduceSum } from './integerReduce.js';
import { IntegerMax, IntegerMin } from './integerRescaledSelection.js';
import { IntegerAbs, IntegerNeg } from './integerRescaledUnary.js';
import { IntegerResize } from './integerResize.js';
import { Lut, SegmentLut } from './lookupTables.js';
import { Dequantize, Quantize, Rescale } from './quantizeOps.js';

/**
 * qtk's integer op set (domain `qtk`): the ops backends convert to, with their arithmetic fixed by
 * their parameters (scales, fixed-point multipliers and shifts, tables) so that the simulator runs
 * any backend's output.
 */
export const integerOps = [
  Quantize,
  Dequantize,
  Rescale,
  IntegerLinear,
  IntegerConv,
  IntegerMatMul,
  IntegerAdd,
  IntegerSub,
  IntegerMul,
  Lut,
  SegmentLut,
  IntegerLayerNorm,
  IntegerSoftmax,
  IntegerGlobalAveragePool,
  IntegerReduceMean,
  IntegerReduceSum,
  IntegerResize,
  IntegerGridSample,
  IntegerConvTranspose,
  IntegerInstanceNorm,
  IntegerMax,
  IntegerMin,
  IntegerAbs,
  IntegerNeg,
  IntegerPRelu,
] as const satisfies readonly OpDefinition[];

/**
 * The name of one of qtk's integer ops (domain `qtk`). The simulator's integer kernel table is keyed
 * by it, so an integer op added without its kernel does not compile.
 */
export type IntegerOpName = (typeof integerOps)[number]['op'];
