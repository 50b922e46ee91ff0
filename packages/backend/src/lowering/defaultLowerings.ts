import { type CoreOpName, type Node, QTK_DOMAIN } from '@qtk/ir';
import type { OpCapability } from '../BackendCapabilities.js';
import type { HardwareUnit } from '../HardwareUnit.js';
import type { LoweringPolicy } from './LoweringPolicy.js';
import { lowerArgExtremum } from './lowerArgExtremum.js';
import { lowerCast } from './lowerCast.js';
import { lowerComparison } from './lowerComparison.js';
import { lowerConvTranspose } from './lowerConvTranspose.js';
import { lowerDivByConstant } from './lowerDivByConstant.js';
import { lowerDropout } from './lowerDropout.js';
import { lowerElementwise } from './lowerElementwise.js';
import { lowerFakeQuantize } from './lowerFakeQuantize.js';
import { lowerGemm } from './lowerGemm.js';
import { lowerGridSample } from './lowerGridSample.js';
import { lowerInstanceNorm } from './lowerInstanceNorm.js';
import { lowerLookupTable } from './lowerLookupTable.js';
import { lowerLayerNorm, lowerSoftmax } from './lowerNormalization.js';
import { lowerPad } from './lowerPad.js';
import { lowerPRelu } from './lowerPRelu.js';
import { lowerReduce } from './lowerReduce.js';
import { lowerRescaledSelection } from './lowerRescaledSelection.js';
import { lowerRescaledUnary } from './lowerRescaledUnary.js';
import { lowerResize } from './lowerResize.js';
import { lowerScatterND } from './lowerScatterND.js';
import { lowerSumMean } from './lowerSumMean.js';
import { lowerWhere } from './lowerWhere.js';
import type { OpLowering } from './OpLowering.js';

/** The integer activation dtypes of the converted ops. */
export const INTEGER_ACTIVATIONS: readonly string[] = ['int8', 'int16'];

/** A capability: `op` of qtk's integer op set on `unit`. */
export function integerOp(op: string, unit: HardwareUnit, dtypes = INTEGER_ACTIVATIONS): OpCapability {
  return { op, domain: QTK_DOMAIN, unit, dtypes };
}

function gemm(...emitted: string[]): OpLowering {
  return { lower: lowerGemm, emits: (p) => emitted.map((op) => integerOp(op, p.units.gemm)) };
}

/** An op that computes nothing of its own: what it reads is what it gives. */
const alias: OpLowering = {
  lower(ctx, node) {
    ctx.set(node.output(), ctx.get(node.input(0)));
    return true;
  },
  emits: () => [],
};

const elementwise: OpLowering = {
  lower: lowerElementwise,
  emits: (p: LoweringPolicy) => ['Add', 'Sub', 'Mul'].map((op) => integerOp(op, p.units.vector)),
};

const lookupTable: OpLowering = {
  lower: lowerLookupTable,
  emits: (p) => [integerOp('Lut', p.units.vector, ['int8']), integerOp('SegmentLut', p.units.vector, ['int16'])],
};

const reduce = (op: string): OpLowering => ({ lower: lowerReduce, emits: (p) => [integerOp(op, p.units.vector)] });

/** ArgMax/ArgMin on a quantized activation's integers (the core op, on the vector unit). */
const argExtremum = (op: string): OpLowering => ({
  lower: lowerArgExtremum,
  emits: (p) => [{ op, domain: '', unit: p.units.vector, dtypes: INTEGER_ACTIVATIONS }],
});

/** An op qtk keeps in float32 on the CPU, and the reason the conversion report gives. */
const cpuFloat = (reason: (node: Node) => string): OpLowering => ({
  lower: (_, node) => reason(node),
  emits: () => [],
});

const rescaledSelection = (op: string): OpLowering => ({
  lower: lowerRescaledSelection,
  emits: (p) => [integerOp(op, p.units.vector)],
});

const rescaledUnary = (op: string): OpLowering => ({
  lower: lowerRescaledUnary,
  emits: (p) => [integerOp(op, p.units.vector)],
});

const sumMean: OpLowering = { lower: lowerSumMean, emits: (p) => [integerOp('Add', p.units.vector)] };

/** A comparison: on the integers (VAE) when its inputs share a grid, bool out. */
const comparison = (op: string): OpLowering => ({
  lower: lowerComparison,
  emits: (p) => [{ op, domain: '', unit: p.units.vector, dtypes: INTEGER_ACTIVATIONS }],
});

/**
 * How each op of a QAT graph becomes integer ops on every backend, unless its policy says
 * otherwise (see {@link LoweringPolicy.lowerings}). Ops whose definition makes them `passthrough`
 * (ReLU, reshapes, slicing, Concat, ...) run on the integers as they are and need no entry here
 * (see {@link loweringTable}); an op with no entry runs in float32 on the CPU.
 */
export const defaultLowerings: { readonly [K in CoreOpName]?: OpLowering } = {
  FakeQuantize: {
    lower(ctx, node) {
      lowerFakeQuantize(ctx, node);
      return true;
    },
    emits: (p) => [
      integerOp('Quantize', p.units.quantize, ['float32']),
      integerOp('Rescale', p.units.vector, ['int8', 'int16', 'int32']),
    ],
  },
  QuantStub: alias,
  DeQuantStub: alias,
  Identity: alias,
  Linear: gemm('Linear'),
  Conv: gemm('Conv'),
  Gemm: gemm('Linear'),
  MatMul: gemm('Linear', 'MatMul'),
  Add: elementwise,
  Sub: elementwise,
  Mul: elementwise,
  LayerNorm: {
    lower: (ctx, node) => node.outputs.length === 1 && lowerLayerNorm(ctx, node),
    emits: (p) => [integerOp('LayerNorm', p.units.normalization)],
  },
  Softmax: { lower: lowerSoftmax, emits: (p) => [integerOp('Softmax', p.units.normalization)] },
  GlobalAveragePool: reduce('GlobalAveragePool'),
  ReduceMean: reduce('ReduceMean'),
  Sigmoid: lookupTable,
  Tanh: lookupTable,
  Erf: lookupTable,
  Exp: lookupTable,
  Gelu: lookupTable,
  Pad: {
    lower: lowerPad,
    emits: (p) => [{ op: 'Pad', domain: '', unit: p.units.vector, dtypes: INTEGER_ACTIVATIONS }],
  },
  ScatterND: {
    lower: lowerScatterND,
    emits: (p) => [{ op: 'ScatterND', domain: '', unit: p.units.vector, dtypes: INTEGER_ACTIVATIONS }],
  },
  Dropout: { lower: lowerDropout, emits: () => [] },
  ReduceSum: reduce('ReduceSum'),
  ArgMax: argExtremum('ArgMax'),
  ArgMin: argExtremum('ArgMin'),
  TopK: cpuFloat(() => "a sort: qtk's integer op set has no TopK"),
  CumSum: cpuFloat(() => "a running sum: qtk's integer op set has no CumSum"),
  Einsum: cpuFloat(
    (node) => `equation '${String(node.attrs.equation)}' is not a matrix product, the Einsums import turns into MatMul`,
  ),
  Resize: {
    lower: lowerResize,
    emits: (p) => [
      { op: 'Resize', domain: '', unit: p.units.vector, dtypes: INTEGER_ACTIVATIONS },
      integerOp('Resize', p.units.vector),
    ],
  },
  GridSample: { lower: lowerGridSample, emits: (p) => [integerOp('GridSample', p.units.vector)] },
  ConvTranspose: { lower: lowerConvTranspose, emits: (p) => [integerOp('ConvTranspose', p.units.gemm)] },
  InstanceNorm: { lower: lowerInstanceNorm, emits: (p) => [integerOp('InstanceNorm', p.units.normalization)] },
  // The elementwise family: scalar functions of one activation as tables; Max, Min, Abs, Neg,
  // per-channel PRelu as integer ops; Sum and Mean of two as the integer Add; predicates, Where
  // and Cast on the integers where they compute exactly, on the CPU otherwise.
  HardSwish: lookupTable,
  HardSigmoid: lookupTable,
  LeakyRelu: lookupTable,
  Elu: lookupTable,
  Selu: lookupTable,
  Softplus: lookupTable,
  Log: lookupTable,
  Reciprocal: lookupTable,
  Cos: lookupTable,
  Sin: lookupTable,
  Sign: lookupTable,
  Round: lookupTable,
  Floor: lookupTable,
  Ceil: lookupTable,
  PRelu: {
    lower: lowerPRelu,
    emits: (p) => [...lookupTable.emits(p), integerOp('PRelu', p.units.vector)],
  },
  Max: rescaledSelection('Max'),
  Min: rescaledSelection('Min'),
  Abs: rescaledUnary('Abs'),
  Neg: rescaledUnary('Neg'),
  Sum: sumMean,
  Mean: sumMean,
  Equal: comparison('Equal'),
  Less: comparison('Less'),
  Greater: comparison('Greater'),
  LessOrEqual: comparison('LessOrEqual'),
  GreaterOrEqual: comparison('GreaterOrEqual'),
  Where: {
    lower: lowerWhere,
    emits: (p) => [{ op: 'Where', domain: '', unit: p.units.vector, dtypes: INTEGER_ACTIVATIONS }],
  },
  Cast: { lower: lowerCast, emits: () => [] },
  Mod: { lower: () => 'the BPU has no integer remainder', emits: () => [] },
  Div: { lower: lowerDivByConstant, emits: (p) => [integerOp('Rescale', p.units.vector)] },
};
