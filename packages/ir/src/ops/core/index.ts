import type { CoreOpDefinition } from '../OpDefinition.js';
import { Elu, HardSigmoid, HardSwish, LeakyRelu, PRelu, Selu, Softplus } from './activations.js';
import { ArgMax, ArgMin } from './argMax.js';
import { Cast } from './cast.js';
import { Clip } from './clip.js';
import { And, Equal, Greater, GreaterOrEqual, Less, LessOrEqual, Not, Or, Xor } from './comparison.js';
import { Concat } from './concat.js';
import { ConstantOfShape } from './constantOfShape.js';
import { Conv } from './conv.js';
import { ConvTranspose } from './convTranspose.js';
import { CumSum } from './cumSum.js';
import { DepthToSpace, SpaceToDepth } from './depthSpace.js';
import { Dropout } from './dropout.js';
import { Einsum } from './einsum.js';
import {
  Add,
  DeQuantStub,
  Div,
  Erf,
  Exp,
  Gelu,
  Identity,
  Mul,
  Pow,
  QuantStub,
  Relu,
  Sigmoid,
  Sqrt,
  Sub,
  Tanh,
} from './elementwise.js';
import { Expand } from './expand.js';
import { FakeQuantize } from './fakeQuantize.js';
import { Gather } from './gather.js';
import { GatherElements } from './gatherElements.js';
import { Gemm, Linear, MatMul } from './gemm.js';
import { GridSample } from './gridSample.js';
import { Mod } from './mod.js';
import { BatchNorm, InstanceNorm, LayerNorm, Softmax } from './normalization.js';
import { Pad } from './pad.js';
import { AveragePool, GlobalAveragePool, GlobalMaxPool, MaxPool } from './pooling.js';
import { DequantizeLinear, QuantizeLinear } from './quantizeLinear.js';
import { Range } from './range.js';
import { ReduceMax, ReduceMean, ReduceMin, ReduceSum } from './reduction.js';
import { Flatten, Reshape } from './reshape.js';
import { Resize } from './resize.js';
import { ScatterND } from './scatterND.js';
import { Shape } from './shapeOf.js';
import { Size } from './size.js';
import { Slice } from './slice.js';
import { Split } from './split.js';
import { Squeeze, Unsqueeze } from './squeeze.js';
import { Tile } from './tile.js';
import { TopK } from './topK.js';
import { Transpose } from './transpose.js';
import { Trilu } from './trilu.js';
import { Abs, Ceil, Cos, Floor, Log, Neg, Reciprocal, Round, Sign, Sin } from './unaryMath.js';
import { Max, Mean, Min, Sum } from './variadic.js';
import { Where } from './where.js';

/**
 * qtk's core op set: float ops with ONNX semantics, plus the layer ops import restores. The order
 * is the registry's (and the docs') order.
 */
export const coreOps = [
  Add,
  Sub,
  Mul,
  Div,
  Pow,
  Sqrt,
  Erf,
  Exp,
  Relu,
  Clip,
  Sigmoid,
  Tanh,
  Gelu,
  Softmax,
  Identity,
  Linear,
  MatMul,
  Gemm,
  Conv,
  BatchNorm,
  LayerNorm,
  ReduceMean,
  GlobalAveragePool,
  AveragePool,
  MaxPool,
  Flatten,
  Reshape,
  Transpose,
  Concat,
  Split,
  Slice,
  Gather,
  Shape,
  Squeeze,
  Unsqueeze,
  QuantStub,
  DeQuantStub,
  FakeQuantize,
  QuantizeLinear,
  DequantizeLinear,
  Expand,
  Tile,
  Range,
  ConstantOfShape,
  Size,
  ScatterND,
  GatherElements,
  DepthToSpace,
  SpaceToDepth,
  Trilu,
  Pad,
  Dropout,
  ReduceMax,
  ReduceMin,
  ReduceSum,
  ArgMax,
  ArgMin,
  TopK,
  CumSum,
  Einsum,
  GlobalMaxPool,
  Resize,
  GridSample,
  ConvTranspose,
  InstanceNorm,
  Neg,
  Abs,
  Sign,
  Reciprocal,
  Log,
  Floor,
  Ceil,
  Round,
  Cos,
  Sin,
  HardSwish,
  HardSigmoid,
  LeakyRelu,
  PRelu,
  Elu,
  Selu,
  Softplus,
  Max,
  Min,
  Sum,
  Mean,
  Mod,
  Equal,
  Less,
  Greater,
  LessOrEqual,
  GreaterOrEqual,
  Not,
  And,
  Or,
  Xor,
  Where,
  Cast,
] as const satisfies readonly CoreOpDefinition[];

/**
 * The name of one of qtk's core ops. Tables keyed by it (the simulator's kernels, the ONNX export)
 * are `Record<CoreOpName, ...>`, so an op added to {@link coreOps} fails to compile until every
 * table has its entry.
 */
export type CoreOpName = (typeof coreOps)[number]['op'];
