import {
  convTransposeBatchNormPattern,
  foldedConvTransposeParameters,
  type Graph,
  type RewriteRule,
  replaceMatch,
  type Value,
} from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { fusedScope } from './fusedScope.js';

/**
 * `BatchNorm(ConvTranspose(x, W, b?))` with constant weights and statistics (PyTorch exports a
 * decoder's ConvTranspose2d + BatchNorm2d unfolded) becomes one ConvTranspose whose weight and
 * bias absorb the normalization (`foldedConvTransposeParameters` of `@qtk/ir`, which `prepare`
 * also uses). The node and its new constants are named after the ConvTranspose's module (the
 * BatchNorm is often a sibling module, `up` and `bn`, whose common scope would name neither), as
 * `prepare`'s fold keeps the ConvTranspose's name.
 */
export function convTransposeBatchNormFusion(origins: NodeOrigins): RewriteRule {
  return {
    name: 'convtranspose-batchnorm',
    pattern: convTransposeBatchNormPattern,
    apply(match, graph) {
      const x = match.values.x as Value;
      const folded = foldedConvTransposeParameters(match, graph);
      if (!folded || folded.weight.dtype !== x.type.dtype) return false;
      const conv = match.nodes.conv as NonNullable<(typeof match.nodes)['conv']>;
      const scope = fusedScope(origins, [conv]);
      const convOrigins = origins.get(conv);
      const node = replaceMatch(graph, match, {
        op: 'ConvTranspose',
        name: conv.name,
        inputs: [
          x,
          graph.addConstant(`${scope}.weight`, folded.weight),
          graph.addConstant(`${scope}.bias`, folded.bias),
        ],
        attrs: { ...conv.attrs },
      });
      origins.set(node, convOrigins);
      takeDeadConstantName(graph, node.input(1), `${scope}.weight`);
      takeDeadConstantName(graph, node.input(2), `${scope}.bias`);
      return true;
    },
  };
}

/**
 * Gives `value` the name `name` when the constant holding it is dead (the ConvTranspose's own
 * weight, `0.weight` in a PyTorch export, replaced by the folded one), so the folded weight keeps
 * the state-dict name instead of `0.weight_1`.
 */
function takeDeadConstantName(graph: Graph, value: Value, name: string): void {
  const holder = graph.findValue(name);
  if (holder && holder !== value && !holder.producer && holder.uses.length === 0 && !graph.outputs.includes(holder))
    graph.removeValue(holder);
  if (!graph.findValue(name)) graph.renameValue(value, name);
}
