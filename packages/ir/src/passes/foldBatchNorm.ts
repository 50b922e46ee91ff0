import type { Graph } from '../graph/Graph.js';
import type { Node } from '../graph/Node.js';
import type { Value } from '../graph/Value.js';
import { anyValue, constantValue, opPattern } from '../rewrite/Pattern.js';
import { type RewriteRule, replaceMatch, rewriteGraph } from '../rewrite/rewriteGraph.js';
import { Tensor } from '../tensor/Tensor.js';

function floats(v: Value): Float32Array | Float64Array | undefined {
  const t = v.constant;
  return t && (t.dtype === 'float32' || t.dtype === 'float64') ? (t.data as Float32Array | Float64Array) : undefined;
}

/**
 * Conv then inference-mode BatchNorm becomes one Conv: per output channel c,
 * `k = scale[c] / sqrt(var[c] + eps)`, `W'[c] = W[c] k`, `b'[c] = (b[c] - mean[c]) k + B[c]`,
 * computed in double and rounded to float32 once. The Conv keeps its name.
 */
export const foldBatchNormIntoConv: RewriteRule = {
  name: 'fold-batchnorm-into-conv',
  pattern: opPattern(
    'BatchNorm',
    [
      opPattern('Conv', [anyValue('x'), constantValue('w')], { capture: 'conv' }),
      constantValue('scale'),
      constantValue('bias'),
      constantValue('mean'),
      constantValue('var'),
    ],
    { capture: 'bn' },
  ),
  apply(m, graph) {
    const conv = m.nodes.conv as Node;
    const bn = m.nodes.bn as Node;
    const w = (m.values.w as Value).constant as Tensor;
    const [scale, beta, mean, variance] = (['scale', 'bias', 'mean', 'var'] as const).map((k) =>
      floats(m.values[k] as Value),
    );
    if (w.dtype !== 'float32' || !scale || !beta || !mean || !variance) return false;
    const oldBias = conv.inputs[2] ?? null;
    const b = oldBias ? floats(oldBias) : undefined;
    if (oldBias && !b) return false;
    const eps = graph.registry.attributesOf(bn).float('epsilon');
    const out = w.shape[0] as number;
    const per = w.size / out;
    const wd = new Float32Array(w.size);
    const bd = new Float32Array(out);
    for (let c = 0; c < out; c++) {
      const k = (scale[c] as number) / Math.sqrt((variance[c] as number) + eps);
      for (let i = 0; i < per; i++) wd[c * per + i] = (w.data[c * per + i] as number) * k;
      bd[c] = ((b ? (b[c] as number) : 0) - (mean[c] as number)) * k + (beta[c] as number);
    }
    replaceMatch(graph, m, {
      op: 'Conv',
      name: conv.name,
      attrs: { ...conv.attrs },
      inputs: [
        m.values.x as Value,
        graph.addConstant(`${conv.name}.weight`, new Tensor('float32', w.shape, wd)),
        graph.addConstant(`${conv.name}.bias`, new Tensor('float32', [out], bd)),
      ],
    });
    return true;
  },
};

/** Folds every Conv + BatchNorm pair (where the Conv's output feeds only the BatchNorm). */
export function foldBatchNorms(graph: Graph): number {
  const fired = rewriteGraph(graph, [foldBatchNormIntoConv]);
  graph.removeDeadCode();
  return fired[foldBatchNormIntoConv.name] ?? 0;
}
