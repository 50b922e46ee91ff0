import type { Graph } from '../graph/Graph.js';
import type { Node } from '../graph/Node.js';
import type { Value } from '../graph/Value.js';
import type { Match } from '../rewrite/matchPattern.js';
import { anyValue, constantValue, type OpPattern, opPattern } from '../rewrite/Pattern.js';
import { type RewriteRule, replaceMatch, rewriteGraph } from '../rewrite/rewriteGraph.js';
import { Tensor } from '../tensor/Tensor.js';
import { foldBatchNormIntoConvTranspose } from './foldBatchNormIntoConvTranspose.js';

/**
 * `BatchNorm(Conv(x, w, b?), scale, bias, mean, var)` with constant parameters: captures `conv`,
 * `bn`, and values `x`, `w`, `scale`, `bias`, `mean`, `var`.
 */
export const convBatchNormPattern: OpPattern = opPattern(
  'BatchNorm',
  [
    opPattern('Conv', [anyValue('x'), constantValue('w')], { capture: 'conv' }),
    constantValue('scale'),
    constantValue('bias'),
    constantValue('mean'),
    constantValue('var'),
  ],
  { capture: 'bn' },
);

function floatConstant(v: Value | null, dtype: string): Tensor | undefined {
  const t = v?.constant;
  return t && t.dtype === dtype ? t : undefined;
}

/**
 * The weight and bias of the Conv a {@link convBatchNormPattern} match folds into: per output
 * channel c, `k = scale[c] / sqrt(var[c] + eps)`, `W'[c] = W[c] k`, `b'[c] = (b[c] - mean[c]) k + bias[c]`,
 * computed in double and stored once in the weight's float dtype. `undefined` when a parameter is not
 * a constant of that dtype.
 */
export function foldedConvParameters(match: Match, graph: Graph): { weight: Tensor; bias: Tensor } | undefined {
  const conv = match.nodes.conv as Node;
  const w = (match.values.w as Value).constant as Tensor;
  if (w.dtype !== 'float32' && w.dtype !== 'float64') return undefined;
  const [scale, beta, mean, variance] = (['scale', 'bias', 'mean', 'var'] as const).map((k) =>
    floatConstant(match.values[k] ?? null, w.dtype),
  );
  const oldBias = conv.inputs[2] ?? null;
  const b = floatConstant(oldBias, w.dtype);
  if (!scale || !beta || !mean || !variance || (oldBias && !b)) return undefined;
  const eps = graph.registry.attributesOf(match.nodes.bn as Node).float('epsilon');
  const channels = w.shape[0] as number;
  const per = w.size / channels;
  const weight = Tensor.zeros(w.dtype, w.shape);
  const bias = Tensor.zeros(w.dtype, [channels]);
  for (let c = 0; c < channels; c++) {
    const k = (scale.data[c] as number) / Math.sqrt((variance.data[c] as number) + eps);
    for (let i = 0; i < per; i++) weight.data[c * per + i] = (w.data[c * per + i] as number) * k;
    bias.data[c] = ((b ? (b.data[c] as number) : 0) - (mean.data[c] as number)) * k + (beta.data[c] as number);
  }
  return { weight, bias };
}

/** Conv then inference-mode BatchNorm becomes one Conv (see {@link foldedConvParameters}); the Conv keeps its name. */
export const foldBatchNormIntoConv: RewriteRule = {
  name: 'fold-batchnorm-into-conv',
  pattern: convBatchNormPattern,
  apply(m, graph) {
    const folded = foldedConvParameters(m, graph);
    if (!folded) return false;
    const conv = m.nodes.conv as Node;
    replaceMatch(graph, m, {
      op: 'Conv',
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

/**
 * Folds every Conv + BatchNorm and ConvTranspose + BatchNorm pair (where the convolution's output
 * feeds only the BatchNorm).
 */
export function foldBatchNorms(graph: Graph): number {
  const fired = rewriteGraph(graph, [foldBatchNormIntoConv, foldBatchNormIntoConvTranspose]);
  graph.removeDeadCode();
  return (fired[foldBatchNormIntoConv.name] ?? 0) + (fired[foldBatchNormIntoConvTranspose.name] ?? 0);
}
