import type { NodeLowering } from '../ExportContext.js';
import type { ExportProfile } from '../ExportProfile.js';
import { lowerAsIs } from './lowerAsIs.js';
import { lowerGelu } from './lowerGelu.js';
import { lowerLinear } from './lowerLinear.js';
import { lowerLinearQuantization } from './lowerLinearQuantization.js';
import { lowerBatchNorm, lowerLayerNorm } from './lowerNormalization.js';
import { lowerReduceMean, lowerSplit, lowerStub } from './lowerOpsetDependent.js';

/** Core ops that are the ONNX op of the same name at opsets 17 to 21. */
const AS_IS = [
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Pow',
  'Sqrt',
  'Erf',
  'Exp',
  'Relu',
  'Clip',
  'Sigmoid',
  'Tanh',
  'Softmax',
  'Identity',
  'MatMul',
  'Gemm',
  'Conv',
  'GlobalAveragePool',
  'AveragePool',
  'MaxPool',
  'Flatten',
  'Reshape',
  'Transpose',
  'Concat',
  'Slice',
  'Gather',
  'Shape',
  'Squeeze',
  'Unsqueeze',
];

const LOWERINGS: ReadonlyMap<string, NodeLowering> = new Map<string, NodeLowering>([
  ...AS_IS.map((op): [string, NodeLowering] => [op, lowerAsIs]),
  ['Linear', lowerLinear],
  ['Gelu', lowerGelu],
  ['BatchNorm', lowerBatchNorm],
  ['LayerNorm', lowerLayerNorm],
  ['ReduceMean', lowerReduceMean],
  ['Split', lowerSplit],
  ['QuantStub', lowerStub],
  ['DeQuantStub', lowerStub],
  ['QuantizeLinear', lowerLinearQuantization],
  ['DequantizeLinear', lowerLinearQuantization],
]);

/**
 * The float export: qtk's core ops as standard ONNX ops (opset 17 to 21, LayerNormalization needs
 * 17), the layers import restores written back as PyTorch writes them.
 */
export const floatExportProfile: ExportProfile = {
  name: 'float',
  opsets: { min: 17, max: 21 },
  lowering: (node) => (node.domain === '' ? LOWERINGS.get(node.op) : undefined),
};
