import type { Graph } from '../graph/Graph.js';
import type { Node } from '../graph/Node.js';
import type { Value } from '../graph/Value.js';
import type { Match } from '../rewrite/matchPattern.js';
import { anyValue, constantValue, type OpPattern, opPattern } from '../rewrite/Pattern.js';
import { type RewriteRule, replaceMatch } from '../rewrite/rewriteGraph.js';
import { Tensor } from '../tensor/Tensor.js';

/** The convolutions an inference-mode BatchNorm after them folds into. */
export type FoldableConvolution = 'Conv' | 'ConvTranspose';

/**
 * `BatchNorm(op(x, w, b?), scale, bias, mean, var)` with constant parameters: captures `conv`,
 * `bn`, and values `x`, `w`, `scale`, `bias`, `mean`, `var`.
 */
export function convolutionBatchNormPattern(op: FoldableConvolution): OpPattern {
  return opPattern(
    'BatchNorm',
    [
      opPattern(op, [anyValue('x'), constantValue('w')], { capture: 'conv' }),
      constantValue('scale'),
      constantValue('bias'),
      constantValue('mean'),
      constantValue('var'),
    ],
    { capture: 'bn' },
  );
}

/** The constants of a {@link convolutionBatchNormPattern} match that a fold reads, in the weight's float dtype. */
export interface BatchNormFoldInputs {
  /** The convolution's weight. */
  readonly w: Tensor;
  /** The convolution's own bias, when it has one. */
  readonly b: Tensor | undefined;
  readonly scale: Tensor;
  readonly beta: Tensor;
  readonly mean: Tensor;
  readonly variance: Tensor;
}

function floatConstant(v: Value | null, dtype: string): Tensor | undefined {
  const t = v?.constant;
  return t && t.dtype === dtype ? t : undefined;
}

/**
 * The weight, the convolution's bias and the BatchNorm's statistics of a match; `undefined` when
 * the weight is not float32 or float64, or another of them is not a constant of its dtype.
 */
export function batchNormFoldInputs(match: Match): BatchNormFoldInputs | undefined {
  const conv = match.nodes.conv as Node;
  const w = (match.values.w as Value).constant as Tensor;
  if (w.dtype !== 'float32' && w.dtype !== 'float64') return undefined;
  const [scale, beta, mean, variance] = (['scale', 'bias', 'mean', 'var'] as const).map((k) =>
    floatConstant(match.values[k] ?? null, w.dtype),
  );
  const oldBias = conv.inputs[2] ?? null;
  const b = floatConstant(oldBias, w.dtype);
  if (!scale || !beta || !mean || !variance || (oldBias && !b)) return undefined;
  return { w, b, scale, beta, mean, variance };
}

/**
 * The BatchNorm as `y = x k[c] + shift[c]` on each of `channels` output channels, applied to the
 * convolution's bias: `k[c] = scale[c] / sqrt(var[c] + eps)` in double, and the folded bias
 * `b'[c] = (b[c] - mean[c]) k[c] + bias[c]` stored once in the weight's dtype. The weight's
 * `W'[c] = W[c] k[c]` depends on its layout, which the caller knows.
 */
export function batchNormChannelFactors(
  inputs: BatchNormFoldInputs,
  epsilon: number,
  channels: number,
): { factors: number[]; bias: Tensor } {
  const { w, b, scale, beta, mean, variance } = inputs;
  const factors = Array.from(
    { length: channels },
    (_, c) => (scale.data[c] as number) / Math.sqrt((variance.data[c] as number) + epsilon),
  );
  const bias = Tensor.zeros(w.dtype, [channels]);
  for (let c = 0; c < channels; c++) {
    bias.data[c] =
      ((b ? (b.data[c] as number) : 0) - (mean.data[c] as number)) * (factors[c] as number) + (beta.data[c] as number);
  }
  return { factors, bias };
}

/**
 * The rule that replaces a {@link convolutionBatchNormPattern} match of `op` by one `op` node with
 * the weight and bias `fold` gives (`undefined`: the match stays); the node keeps the
 * convolution's name and attributes, its constants are named `<name>.weight` and `<name>.bias`.
 */
export function foldBatchNormRule(
  name: string,
  op: FoldableConvolution,
  pattern: OpPattern,
  fold: (match: Match, graph: Graph) => { weight: Tensor; bias: Tensor } | undefined,
): RewriteRule {
  return {
    name,
    pattern,
    apply(m, graph) {
      const folded = fold(m, graph);
      if (!folded) return false;
      const conv = m.nodes.conv as Node;
      replaceMatch(graph, m, {
        op,
        name: conv.name,
        attrs: { ...conv.attrs },
        inputs: [
          m.values.x as Value,
          graph.addConstant(`${conv.name}.weight`, folded.weight),
          graph.addConstant(`${conv.name}.bias`, folded.bias),
        ],
      });
      return true;
    },
  };
}
