import { anyValue, constantValue, opPattern, type RewriteRule, replaceMatch, Tensor, type Value } from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { fusedScope } from './fusedScope.js';
import { isFloatValue } from './isFloatValue.js';

function floatTensor(like: Tensor, shape: readonly number[], values: Float64Array): Tensor {
  return like.dtype === 'float64'
    ? new Tensor('float64', shape, values)
    : new Tensor('float32', shape, Float32Array.from(values));
}

/**
 * `BatchNorm(Conv(x, W, b?))` with constant weights and statistics becomes one Conv whose weight
 * and bias absorb the normalization: with `s = scale / sqrt(var + epsilon)` per output channel,
 * `W' = W * s` and `b' = (b - mean) * s + B` (computed in float64, stored in the weight's dtype).
 */
export function convBatchNormFusion(origins: NodeOrigins): RewriteRule {
  return {
    name: 'conv-batchnorm',
    pattern: opPattern(
      'BatchNorm',
      [
        opPattern('Conv', [anyValue('x'), constantValue('w')], { capture: 'conv' }),
        constantValue('scale'),
        constantValue('shift'),
        constantValue('mean'),
        constantValue('var'),
      ],
      {},
    ),
    apply(match, graph) {
      const conv = match.nodes.conv as NonNullable<(typeof match.nodes)['conv']>;
      const { x, w, scale, shift, mean, var: variance } = match.values as Record<string, Value>;
      const b = conv.inputs[2] ?? null;
      const params = [w, scale, shift, mean, variance, ...(b ? [b] : [])] as Value[];
      if (!params.every((p) => p.constant && isFloatValue(p) && p.type.dtype === (x as Value).type.dtype)) return false;
      const wt = (w as Value).constant as Tensor;
      const channels = wt.shape[0] as number;
      const perChannel = wt.size / channels;
      const at = (v: Value | null, c: number) => (v ? Number((v.constant as Tensor).data[c]) : 0);
      const epsilon = graph.registry.attributesOf(match.root).float('epsilon');
      const weight = new Float64Array(wt.size);
      const bias = new Float64Array(channels);
      for (let c = 0; c < channels; c++) {
        const s = at(scale as Value, c) / Math.sqrt(at(variance as Value, c) + epsilon);
        for (let k = 0; k < perChannel; k++) weight[c * perChannel + k] = Number(wt.data[c * perChannel + k]) * s;
        bias[c] = (at(b, c) - at(mean as Value, c)) * s + at(shift as Value, c);
      }
      const scope = fusedScope(origins, match.covered);
      const node = replaceMatch(graph, match, {
        op: 'Conv',
        name: match.root.name,
        inputs: [
          x as Value,
          graph.addConstant(`${scope}.weight`, floatTensor(wt, wt.shape, weight)),
          graph.addConstant(`${scope}.bias`, floatTensor(wt, [channels], bias)),
        ],
        attrs: { ...conv.attrs },
      });
      origins.merge(node, match.covered);
      return true;
    },
  };
}
