import type { Kernel } from '@qtk/ir';
import { integerAddKernel, integerMulKernel, integerSubKernel } from './integer/integerElementwiseKernels.js';
import { integerConvKernel, integerLinearKernel, integerMatMulKernel } from './integer/integerGemmKernels.js';
import { integerLayerNormKernel, integerSoftmaxKernel } from './integer/integerNormalizationKernels.js';
import { integerGlobalAveragePoolKernel, integerReduceMeanKernel } from './integer/integerReduceKernels.js';
import { integerAbsKernel, integerNegKernel, integerPReluKernel } from './integer/integerRescaledUnaryKernels.js';
import { integerMaxKernel, integerMinKernel } from './integer/integerSelectionKernels.js';
import { lutKernel, segmentLutKernel } from './integer/lookupTableKernels.js';
import { dequantizeKernel, quantizeKernel, rescaleKernel } from './integer/quantizeKernels.js';

/**
 * The simulator's kernels for qtk's integer ops (domain `qtk`), by op type: the arithmetic their
 * definitions in `@qtk/ir` document, in exact integer arithmetic, counting `saturated` and
 * `overflow` events.
 */
export const integerKernels: ReadonlyMap<string, Kernel> = new Map<string, Kernel>([
  ['Quantize', quantizeKernel],
  ['Dequantize', dequantizeKernel],
  ['Rescale', rescaleKernel],
  ['Linear', integerLinearKernel],
  ['Conv', integerConvKernel],
  ['MatMul', integerMatMulKernel],
  ['Add', integerAddKernel],
  ['Sub', integerSubKernel],
  ['Mul', integerMulKernel],
  ['Lut', lutKernel],
  ['SegmentLut', segmentLutKernel],
  ['LayerNorm', integerLayerNormKernel],
  ['Softmax', integerSoftmaxKernel],
  ['GlobalAveragePool', integerGlobalAveragePoolKernel],
  ['ReduceMean', integerReduceMeanKernel],
  ['Max', integerMaxKernel],
  ['Min', integerMinKernel],
  ['Abs', integerAbsKernel],
  ['Neg', integerNegKernel],
  ['PRelu', integerPReluKernel],
]);
