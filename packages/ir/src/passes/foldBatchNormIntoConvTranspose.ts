import type { Graph } from '../graph/Graph.js';
import type { Node } from '../graph/Node.js';
import type { Match } from '../rewrite/matchPattern.js';
import type { OpPattern } from '../rewrite/Pattern.js';
import type { RewriteRule } from '../rewrite/rewriteGraph.js';
import { Tensor } from '../tensor/Tensor.js';
import {
  batchNormChannelFactors,
  batchNormFoldInputs,
  convolutionBatchNormPattern,
  foldBatchNormRule,
} from './convolutionBatchNormFold.js';

/**
 * `BatchNorm(ConvTranspose(x, w, b?), scale, bias, mean, var)` with constant parameters (PyTorch's
 * export keeps a decoder's BatchNorm after its ConvTranspose): captures `conv`, `bn`, and values
 * `x`, `w`, `scale`, `bias`, `mean`, `var`.
 */
export const convTransposeBatchNormPattern: OpPattern = convolutionBatchNormPattern('ConvTranspose');

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
  const inputs = batchNormFoldInputs(match);
  if (!inputs || inputs.w.rank < 3) return undefined;
  const { w, scale, beta, mean, variance } = inputs;
  const group = graph.registry.attributesOf(conv).int('group');
  const [cin, og] = w.shape as [number, number];
  const channels = og * group;
  if (cin % group !== 0 || [scale, beta, mean, variance].some((t) => t.size !== channels)) return undefined;
  const eps = graph.registry.attributesOf(match.nodes.bn as Node).float('epsilon');
  const { factors, bias } = batchNormChannelFactors(inputs, eps, channels);
  const taps = w.size / (cin * og);
  const cg = cin / group;
  const weight = Tensor.zeros(w.dtype, w.shape);
  for (let c = 0; c < cin; c++) {
    const first = Math.floor(c / cg) * og;
    for (let j = 0; j < og; j++) {
      const k = factors[first + j] as number;
      const at = (c * og + j) * taps;
      for (let t = 0; t < taps; t++) weight.data[at + t] = (w.data[at + t] as number) * k;
    }
  }
  return { weight, bias };
}

/** ConvTranspose then inference-mode BatchNorm becomes one ConvTranspose; the ConvTranspose keeps its name. */
export const foldBatchNormIntoConvTranspose: RewriteRule = foldBatchNormRule(
  'fold-batchnorm-into-convtranspose',
  'ConvTranspose',
  convTransposeBatchNormPattern,
  foldedConvTransposeParameters,
);
