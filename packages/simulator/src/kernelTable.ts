import type { CoreOpName, Kernel } from '@qtk/ir';
import { clipKernel } from './kernels/clip.js';
import { concatKernel } from './kernels/concat.js';
import { convKernel } from './kernels/conv.js';
import { convTransposeKernel } from './kernels/convTranspose.js';
import { addKernel, divKernel, mulKernel, powKernel, subKernel } from './kernels/elementwiseBinary.js';
import {
  erfKernel,
  expKernel,
  geluKernel,
  identityKernel,
  reluKernel,
  sigmoidKernel,
  sqrtKernel,
  tanhKernel,
} from './kernels/elementwiseUnary.js';
import { fakeQuantizeKernel } from './kernels/fakeQuantize.js';
import { gatherKernel } from './kernels/gather.js';
import { dequantizeLinearKernel, quantizeLinearKernel } from './kernels/linearQuantization.js';
import { gemmKernel, linearKernel, matMulKernel } from './kernels/matmul.js';
import { batchNormKernel, instanceNormKernel, layerNormKernel } from './kernels/normalization.js';
import { averagePoolKernel, globalAveragePoolKernel, maxPoolKernel } from './kernels/pooling.js';
import { reduceMeanKernel } from './kernels/reduceMean.js';
import { flattenKernel, reshapeKernel, squeezeKernel, unsqueezeKernel } from './kernels/reshape.js';
import { shapeKernel } from './kernels/shapeOf.js';
import { sliceKernel } from './kernels/slice.js';
import { softmaxKernel } from './kernels/softmax.js';
import { splitKernel } from './kernels/split.js';
import { transposeKernel } from './kernels/transpose.js';

/**
 * The simulator's kernel of each of qtk's core ops (domain `''`). Typed by {@link CoreOpName}, so
 * a core op without a kernel does not compile.
 */
const KERNELS: Readonly<Record<CoreOpName, Kernel>> = {
  Add: addKernel,
  Sub: subKernel,
  Mul: mulKernel,
  Div: divKernel,
  Pow: powKernel,
  Sqrt: sqrtKernel,
  Erf: erfKernel,
  Exp: expKernel,
  Relu: reluKernel,
  Clip: clipKernel,
  Sigmoid: sigmoidKernel,
  Tanh: tanhKernel,
  Gelu: geluKernel,
  Softmax: softmaxKernel,
  Identity: identityKernel,
  Linear: linearKernel,
  MatMul: matMulKernel,
  Gemm: gemmKernel,
  Conv: convKernel,
  BatchNorm: batchNormKernel,
  LayerNorm: layerNormKernel,
  ReduceMean: reduceMeanKernel,
  GlobalAveragePool: globalAveragePoolKernel,
  AveragePool: averagePoolKernel,
  MaxPool: maxPoolKernel,
  Flatten: flattenKernel,
  Reshape: reshapeKernel,
  Transpose: transposeKernel,
  Concat: concatKernel,
  Split: splitKernel,
  Slice: sliceKernel,
  Gather: gatherKernel,
  Shape: shapeKernel,
  Squeeze: squeezeKernel,
  Unsqueeze: unsqueezeKernel,
  QuantStub: identityKernel,
  DeQuantStub: identityKernel,
  FakeQuantize: fakeQuantizeKernel,
  QuantizeLinear: quantizeLinearKernel,
  DequantizeLinear: dequantizeLinearKernel,
  ConvTranspose: convTransposeKernel,
  InstanceNorm: instanceNormKernel,
};

/**
 * The simulator's kernels for qtk's core op set, by op type. Ops of other domains (a backend's
 * integer ops) run the kernel their `OpDefinition` carries.
 */
export const coreKernels: ReadonlyMap<string, Kernel> = new Map(Object.entries(KERNELS));
