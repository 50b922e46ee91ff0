import type { Graph } from '../graph/Graph.js';
import type { Node } from '../graph/Node.js';
import type { Match } from '../rewrite/matchPattern.js';
import type { OpPattern } from '../rewrite/Pattern.js';
import { type RewriteRule, rewriteGraph } from '../rewrite/rewriteGraph.js';
import { Tensor } from '../tensor/Tensor.js';
import {
  batchNormChannelFactors,
  batchNormFoldInputs,
  convolutionBatchNormPattern,
  foldBatchNormRule,
} from './convolutionBatchNormFold.js';
import { foldBatchNormIntoConvTranspose } from './foldBatchNormIntoConvTranspose.js';

/**
 * `BatchNorm(Conv(x, w, b?), scale, bias, mean, var)` with constant parameters: captures `conv`,
 * `bn`, and values `x`, `w`, `scale`, `bias`, `mean`, `var`.
 */
export const convBatchNormPattern: OpPattern = convolutionBatchNormPattern('Conv');

/**
 * The weight and bias of the Conv a {@link convBatchNormPattern} match folds into: per output
 * channel c, `k = scale[c] / sqrt(var[c] + eps)`, `W'[c] = W[c] k`, `b'[c] = (b[c] - mean[c]) k + bias[c]`,
 * computed in double and stored once in the weight's float dtype. `undefined` when a parameter is not
 * a constant of that dtype.
 */
export function foldedConvParameters(match: Match, graph: Graph): { weight: Tensor; bias: Tensor } | undefined {
  const inputs = batchNormFoldInputs(match);
  if (!inputs) return undefined;
  const { w } = inputs;
  const eps = graph.registry.attributesOf(match.nodes.bn as Node).float('epsilon');
  const channels = w.shape[0] as number;
  const { factors, bias } = batchNormChannelFactors(inputs, eps, channels);
  const per = w.size / channels;
  const weight = Tensor.zeros(w.dtype, w.shape);
  for (let c = 0; c < channels; c++) {
    const k = factors[c] as number;
    for (let i = 0; i < per; i++) weight.data[c * per + i] = (w.data[c * per + i] as number) * k;
  }
  return { weight, bias };
}

/** Conv then inference-mode BatchNorm becomes one Conv (see {@link foldedConvParameters}); the Conv keeps its name. */
export const foldBatchNormIntoConv: RewriteRule = foldBatchNormRule(
  'fold-batchnorm-into-conv',
  'Conv',
  convBatchNormPattern,
  foldedConvParameters,
);

/**
 * Folds every Conv + BatchNorm and ConvTranspose + BatchNorm pair (where the convolution's output
 * feeds only the BatchNorm).
 */
export function foldBatchNorms(graph: Graph): number {
  const fired = rewriteGraph(graph, [foldBatchNormIntoConv, foldBatchNormIntoConvTranspose]);
  graph.removeDeadCode();
  return (fired[foldBatchNormIntoConv.name] ?? 0) + (fired[foldBatchNormIntoConvTranspose.name] ?? 0);
}
