import type { CoreOpName } from '@qtk/ir';
import type { NodeLowering } from '../ExportContext.js';
import type { ExportProfile } from '../ExportProfile.js';
import { lowerAsIs } from './lowerAsIs.js';
import { lowerCast } from './lowerCast.js';
import { lowerGelu } from './lowerGelu.js';
import { lowerGridSample } from './lowerGridSample.js';
import { lowerLinear } from './lowerLinear.js';
import { lowerLinearQuantization } from './lowerLinearQuantization.js';
import { lowerBatchNorm, lowerInstanceNorm, lowerLayerNorm } from './lowerNormalization.js';
import { lowerReduceMean, lowerReduction, lowerSplit, lowerStub } from './lowerOpsetDependent.js';
import { lowerPad } from './lowerPad.js';
import { lowerResize } from './lowerResize.js';
import { lowerScatterND } from './lowerScatterND.js';

/**
 * How each core op is written in a float export: most are the ONNX op of the same name at opsets
 * 17 to 21; the layers import restores are written back as PyTorch writes them. `null` for the
 * ops a float model cannot hold (fake quantization: the QDQ export writes it). Typed by
 * {@link CoreOpName}, so a core op added without its export entry does not compile.
 */
const LOWERINGS: Readonly<Record<CoreOpName, NodeLowering | null>> = {
  Add: lowerAsIs,
  Sub: lowerAsIs,
  Mul: lowerAsIs,
  Div: lowerAsIs,
  Pow: lowerAsIs,
  Sqrt: lowerAsIs,
  Erf: lowerAsIs,
  Exp: lowerAsIs,
  Relu: lowerAsIs,
  Clip: lowerAsIs,
  Sigmoid: lowerAsIs,
  Tanh: lowerAsIs,
  Gelu: lowerGelu,
  Softmax: lowerAsIs,
  Identity: lowerAsIs,
  Linear: lowerLinear,
  MatMul: lowerAsIs,
  Gemm: lowerAsIs,
  Conv: lowerAsIs,
  BatchNorm: lowerBatchNorm,
  LayerNorm: lowerLayerNorm,
  ReduceMean: lowerReduceMean,
  GlobalAveragePool: lowerAsIs,
  AveragePool: lowerAsIs,
  MaxPool: lowerAsIs,
  Flatten: lowerAsIs,
  Reshape: lowerAsIs,
  Transpose: lowerAsIs,
  Concat: lowerAsIs,
  Split: lowerSplit,
  Slice: lowerAsIs,
  Gather: lowerAsIs,
  Shape: lowerAsIs,
  Squeeze: lowerAsIs,
  Unsqueeze: lowerAsIs,
  QuantStub: lowerStub,
  DeQuantStub: lowerStub,
  FakeQuantize: null,
  QuantizeLinear: lowerLinearQuantization,
  DequantizeLinear: lowerLinearQuantization,
  Expand: lowerAsIs,
  Tile: lowerAsIs,
  Range: lowerAsIs,
  ConstantOfShape: lowerAsIs,
  Size: lowerAsIs,
  ScatterND: lowerScatterND,
  GatherElements: lowerAsIs,
  DepthToSpace: lowerAsIs,
  SpaceToDepth: lowerAsIs,
  Trilu: lowerAsIs,
  Pad: lowerPad,
  Dropout: lowerAsIs,
  ReduceMax: lowerReduction(18),
  ReduceMin: lowerReduction(18),
  ReduceSum: lowerReduction(13),
  ArgMax: lowerAsIs,
  ArgMin: lowerAsIs,
  TopK: lowerAsIs,
  CumSum: lowerAsIs,
  Einsum: lowerAsIs,
  GlobalMaxPool: lowerAsIs,
  Resize: lowerResize,
  GridSample: lowerGridSample,
  ConvTranspose: lowerAsIs,
  InstanceNorm: lowerInstanceNorm,
  Neg: lowerAsIs,
  Abs: lowerAsIs,
  Sign: lowerAsIs,
  Reciprocal: lowerAsIs,
  Log: lowerAsIs,
  Floor: lowerAsIs,
  Ceil: lowerAsIs,
  Round: lowerAsIs,
  Cos: lowerAsIs,
  Sin: lowerAsIs,
  HardSwish: lowerAsIs,
  HardSigmoid: lowerAsIs,
  LeakyRelu: lowerAsIs,
  PRelu: lowerAsIs,
  Elu: lowerAsIs,
  Selu: lowerAsIs,
  Softplus: lowerAsIs,
  Max: lowerAsIs,
  Min: lowerAsIs,
  Sum: lowerAsIs,
  Mean: lowerAsIs,
  Mod: lowerAsIs,
  Equal: lowerAsIs,
  Less: lowerAsIs,
  Greater: lowerAsIs,
  LessOrEqual: lowerAsIs,
  GreaterOrEqual: lowerAsIs,
  Not: lowerAsIs,
  And: lowerAsIs,
  Or: lowerAsIs,
  Xor: lowerAsIs,
  Where: lowerAsIs,
  Cast: lowerCast,
};

/**
 * The float export: qtk's core ops as standard ONNX ops (opset 17 to 21, LayerNormalization needs
 * 17), the layers import restores written back as PyTorch writes them.
 */
export const floatExportProfile: ExportProfile = {
  name: 'float',
  opsets: { min: 17, max: 21 },
  lowering: (node) =>
    node.domain === '' && Object.hasOwn(LOWERINGS, node.op)
      ? (LOWERINGS[node.op as CoreOpName] ?? undefined)
      : undefined,
};
