import type { CoreOpName, Kernel } from '@qtk/ir';
import {
  eluKernel,
  hardSigmoidKernel,
  hardSwishKernel,
  leakyReluKernel,
  preluKernel,
  seluKernel,
  softplusKernel,
} from './kernels/activations.js';
import { argMaxKernel, argMinKernel } from './kernels/argMax.js';
import { castKernel } from './kernels/cast.js';
import { clipKernel } from './kernels/clip.js';
import {
  andKernel,
  equalKernel,
  greaterKernel,
  greaterOrEqualKernel,
  lessKernel,
  lessOrEqualKernel,
  notKernel,
  orKernel,
  xorKernel,
} from './kernels/comparison.js';
import { concatKernel } from './kernels/concat.js';
import { constantOfShapeKernel } from './kernels/constantOfShape.js';
import { convKernel } from './kernels/conv.js';
import { convTransposeKernel } from './kernels/convTranspose.js';
import { cumSumKernel } from './kernels/cumSum.js';
import { depthToSpaceKernel, spaceToDepthKernel } from './kernels/depthSpace.js';
import { dropoutKernel } from './kernels/dropout.js';
import { einsumKernel } from './kernels/einsum.js';
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
import { expandKernel } from './kernels/expand.js';
import { fakeQuantizeKernel } from './kernels/fakeQuantize.js';
import { gatherKernel } from './kernels/gather.js';
import { gatherElementsKernel } from './kernels/gatherElements.js';
import { gridSampleKernel } from './kernels/gridSample.js';
import { dequantizeLinearKernel, quantizeLinearKernel } from './kernels/linearQuantization.js';
import { gemmKernel, linearKernel, matMulKernel } from './kernels/matmul.js';
import { modKernel } from './kernels/mod.js';
import { batchNormKernel, instanceNormKernel, layerNormKernel } from './kernels/normalization.js';
import { padKernel } from './kernels/pad.js';
import { averagePoolKernel, globalAveragePoolKernel, maxPoolKernel } from './kernels/pooling.js';
import { rangeKernel } from './kernels/range.js';
import {
  globalMaxPoolKernel,
  reduceMaxKernel,
  reduceMeanKernel,
  reduceMinKernel,
  reduceSumKernel,
} from './kernels/reduction.js';
import { flattenKernel, reshapeKernel, squeezeKernel, unsqueezeKernel } from './kernels/reshape.js';
import { resizeKernel } from './kernels/resize.js';
import { scatterNDKernel } from './kernels/scatterND.js';
import { shapeKernel } from './kernels/shapeOf.js';
import { sizeKernel } from './kernels/size.js';
import { sliceKernel } from './kernels/slice.js';
import { softmaxKernel } from './kernels/softmax.js';
import { splitKernel } from './kernels/split.js';
import { tileKernel } from './kernels/tile.js';
import { topKKernel } from './kernels/topK.js';
import { transposeKernel } from './kernels/transpose.js';
import { triluKernel } from './kernels/trilu.js';
import {
  absKernel,
  ceilKernel,
  cosKernel,
  floorKernel,
  logKernel,
  negKernel,
  reciprocalKernel,
  roundKernel,
  signKernel,
  sinKernel,
} from './kernels/unaryMath.js';
import { maxKernel, meanKernel, minKernel, sumKernel } from './kernels/variadic.js';
import { whereKernel } from './kernels/where.js';

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
  Expand: expandKernel,
  Tile: tileKernel,
  Range: rangeKernel,
  ConstantOfShape: constantOfShapeKernel,
  Size: sizeKernel,
  ScatterND: scatterNDKernel,
  GatherElements: gatherElementsKernel,
  DepthToSpace: depthToSpaceKernel,
  SpaceToDepth: spaceToDepthKernel,
  Trilu: triluKernel,
  Pad: padKernel,
  Dropout: dropoutKernel,
  ReduceMax: reduceMaxKernel,
  ReduceMin: reduceMinKernel,
  ReduceSum: reduceSumKernel,
  ArgMax: argMaxKernel,
  ArgMin: argMinKernel,
  TopK: topKKernel,
  CumSum: cumSumKernel,
  Einsum: einsumKernel,
  GlobalMaxPool: globalMaxPoolKernel,
  Resize: resizeKernel,
  GridSample: gridSampleKernel,
  ConvTranspose: convTransposeKernel,
  InstanceNorm: instanceNormKernel,
  Neg: negKernel,
  Abs: absKernel,
  Sign: signKernel,
  Reciprocal: reciprocalKernel,
  Log: logKernel,
  Floor: floorKernel,
  Ceil: ceilKernel,
  Round: roundKernel,
  Cos: cosKernel,
  Sin: sinKernel,
  HardSwish: hardSwishKernel,
  HardSigmoid: hardSigmoidKernel,
  LeakyRelu: leakyReluKernel,
  PRelu: preluKernel,
  Elu: eluKernel,
  Selu: seluKernel,
  Softplus: softplusKernel,
  Max: maxKernel,
  Min: minKernel,
  Sum: sumKernel,
  Mean: meanKernel,
  Mod: modKernel,
  Equal: equalKernel,
  Less: lessKernel,
  Greater: greaterKernel,
  LessOrEqual: lessOrEqualKernel,
  GreaterOrEqual: greaterOrEqualKernel,
  Not: notKernel,
  And: andKernel,
  Or: orKernel,
  Xor: xorKernel,
  Where: whereKernel,
  Cast: castKernel,
};

/**
 * The simulator's kernels for qtk's core op set, by op type. Ops of other domains (a backend's
 * integer ops) run the kernel their `OpDefinition` carries.
 */
export const coreKernels: ReadonlyMap<string, Kernel> = new Map(Object.entries(KERNELS));
