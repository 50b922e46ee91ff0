import { convBatchNormPattern, foldedConvParameters, type RewriteRule, replaceMatch, type Value } from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { fusedScope } from './fusedScope.js';

/**
 * `BatchNorm(Conv(x, W, b?))` with constant weights and statistics becomes one Conv whose weight
 * and bias absorb the normalization (`foldedConvParameters` of `@qtk/ir`, which `prepare` also
 * uses); the new constants are named after the fused nodes' module scope.
 */
export function convBatchNormFusion(origins: NodeOrigins): RewriteRule {
  return {
    name: 'conv-batchnorm',
    pattern: convBatchNormPattern,
    apply(match, graph) {
      const x = match.values.x as Value;
      const folded = foldedConvParameters(match, graph);
      if (!folded || folded.weight.dtype !== x.type.dtype) return false;
      const conv = match.nodes.conv as NonNullable<(typeof match.nodes)['conv']>;
      const scope = fusedScope(origins, match.covered);
      const node = replaceMatch(graph, match, {
        op: 'Conv',
        name: match.root.name,
        inputs: [
          x,
          graph.addConstant(`${scope}.weight`, folded.weight),
          graph.addConstant(`${scope}.bias`, folded.bias),
        ],
        attrs: { ...conv.attrs },
      });
      origins.merge(node, match.covered);
      return true;
    },
  };
}
