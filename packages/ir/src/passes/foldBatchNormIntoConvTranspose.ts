import type { Graph } from '../graph/Graph.js';
import type { Node } from '../graph/Node.js';
import type { Value } from '../graph/Value.js';
import type { Match } from '../rewrite/matchPattern.js';
import { anyValue, constantValue, type OpPattern, opPattern } from '../rewrite/Pattern.js';
import { type RewriteRule, replaceMatch } from '../rewrite/rewriteGraph.js';
import { Tensor } from '../tensor/Tensor.js';

/**
 * `BatchNorm(ConvTranspose(x, w, b?), scale, bias, mean, var)` with constant parameters (PyTorch's
 * export keeps a decoder's BatchNorm after its ConvTranspose): captures `conv`, `bn`, and values
 * `x`, `w`, `scale`, `bias`, `mean`, `var`.
 */
export const convTransposeBatchNormPattern: OpPattern = opPattern(
  'BatchNorm',
  [
    opPattern('ConvTranspose', [anyValue('x'), constantValue('w')], { capture: 'conv' }),
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
 * The weight and bias of the ConvTranspose a {@link convTransposeBatchNormPattern} match folds
 * into. W is `[C_in, C_out/group, k...]`: output channel `o = g (C_out/group) + j` reads
 * `W[c, j]` for the input channels c of group g, so with `k[o] = scale[o] / sqrt(var[o] + eps)`,
 * `W'[c, j] = W[c, j] k[o]` and `b'[o] = (b[o] - mean[o]) k[o] + bias[o]`, computed in double and
 * stored once in the weight's float dtype. `undefined` when a parameter is not a constant of that
 * dtype or the shapes do not fit.
 */
export function foldedConvTransposeParameters(
  match: Match,
  graph: Graph,
): { weight: Tensor; bias: Tensor } | undefined {
  const conv = match.nodes.conv as Node;
  const w = (match.values.w as Value).constant as Tensor;
  if ((w.dtype !== 'float32' && w.dtype !== 'float64') || w.rank < 3) return undefined;
  const [scale, beta, mean, variance] = (['scale', 'bias', 'mean', 'var'] as const).map((k) =>
    floatConstant(match.values[k] ?? null, w.dtype),
  );
  const oldBias = conv.inputs[2] ?? null;
  const b = floatConstant(oldBias, w.dtype);
  if (!scale || !beta || !mean || !variance || (oldBias && !b)) return undefined;
  const group = graph.registry.attributesOf(conv).int('group');
  const [cin, og] = w.shape as [number, number];
  const channels = og * group;
  if (cin % group !== 0 || [scale, beta, mean, variance].some((t) => t.size !== channels)) return undefined;
  const eps = graph.registry.attributesOf(match.nodes.bn as Node).float('epsilon');
  const factor = Array.from(
    { length: channels },
    (_, o) => (scale.data[o] as number) / Math.sqrt((variance.data[o] as number) + eps),
  );
  const taps = w.size / (cin * og);
  const cg = cin / group;
  const weight = Tensor.zeros(w.dtype, w.shape);
  for (let c = 0; c < cin; c++) {
    const first = Math.floor(c / cg) * og;
    for (let j = 0; j < og; j++) {
      const k = factor[first + j] as number;
      const at = (c * og + j) * taps;
      for (let t = 0; t < taps; t++) weight.data[at + t] = (w.data[at + t] as number) * k;
    }
  }
  const bias = Tensor.zeros(w.dtype, [channels]);
  for (let o = 0; o < channels; o++) {
    bias.data[o] =
      ((b ? (b.data[o] as number) : 0) - (mean.data[o] as number)) * (factor[o] as number) + (beta.data[o] as number);
  }
  return { weight, bias };
}

/** ConvTranspose then inference-mode BatchNorm becomes one ConvTranspose; the ConvTranspose keeps its name. */
export const foldBatchNormIntoConvTranspose: RewriteRule = {
  name: 'fold-batchnorm-into-convtranspose',
  pattern: convTransposeBatchNormPattern,
  apply(m, graph) {
    const folded = foldedConvTransposeParameters(m, graph);
    if (!folded) return false;
    const conv = m.nodes.conv as Node;
    replaceMatch(graph, m, {
      op: 'ConvTranspose',
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
