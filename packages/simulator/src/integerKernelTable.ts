import type { IntegerOpName, Kernel } from '@qtk/ir';
import { integerAddKernel, integerMulKernel, integerSubKernel } from './integer/integerElementwiseKernels.js';
import {
  integerConvKernel,
  integerConvTransposeKernel,
  integerLinearKernel,
  integerMatMulKernel,
} from './integer/integerGemmKernels.js';
import { integerGridSampleKernel } from './integer/integerGridSampleKernel.js';
import {
  integerInstanceNormKernel,
  integerLayerNormKernel,
  integerSoftmaxKernel,
} from './integer/integerNormalizationKernels.js';
import { integerGlobalAveragePoolKernel, integerReduceOverAxesKernel } from './integer/integerReduceKernels.js';
import { integerAbsKernel, integerNegKernel, integerPReluKernel } from './integer/integerRescaledUnaryKernels.js';
import { integerResizeKernel } from './integer/integerResizeKernel.js';
import { integerMaxKernel, integerMinKernel } from './integer/integerSelectionKernels.js';
import { lutKernel, segmentLutKernel } from './integer/lookupTableKernels.js';
import { dequantizeKernel, quantizeKernel, rescaleKernel } from './integer/quantizeKernels.js';

/**
 * The simulator's kernel of each of qtk's integer ops (domain `qtk`): the arithmetic their
 * definitions in `@qtk/ir` document, in exact integer arithmetic, counting `saturated` and
 * `overflow` events. Typed by {@link IntegerOpName}, so an integer op without a kernel does not
 * compile.
 */
const KERNELS: Readonly<Record<IntegerOpName, Kernel>> = {
  Quantize: quantizeKernel,
  Dequantize: dequantizeKernel,
  Rescale: rescaleKernel,
  Linear: integerLinearKernel,
  Conv: integerConvKernel,
  MatMul: integerMatMulKernel,
  Add: integerAddKernel,
  Sub: integerSubKernel,
  Mul: integerMulKernel,
  Lut: lutKernel,
  SegmentLut: segmentLutKernel,
  LayerNorm: integerLayerNormKernel,
  Softmax: integerSoftmaxKernel,
  GlobalAveragePool: integerGlobalAveragePoolKernel,
  ReduceMean: integerReduceOverAxesKernel,
  ReduceSum: integerReduceOverAxesKernel,
  Resize: integerResizeKernel,
  GridSample: integerGridSampleKernel,
  ConvTranspose: integerConvTransposeKernel,
  InstanceNorm: integerInstanceNormKernel,
  Max: integerMaxKernel,
  Min: integerMinKernel,
  Abs: integerAbsKernel,
  Neg: integerNegKernel,
  PRelu: integerPReluKernel,
};

/** The simulator's kernels for qtk's integer ops (domain `qtk`), by op type. */
export const integerKernels: ReadonlyMap<string, Kernel> = new Map(Object.entries(KERNELS));
