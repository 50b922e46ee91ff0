import { anyValue, type Node, opPattern, type RewriteRule, type Value } from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { fakeQuantizedMatrix, transposeMatrixWeight } from './matrixWeight.js';

/**
 * `Transpose(FakeQuantize(W))` with a constant matrix W becomes `FakeQuantize(W^T)` (per-channel
 * axis swapped): how PyTorch writes a fake-quantized `nn.Linear` weight (quantized `[out, in]`, then
 * transposed for MatMul), and how qtk's QDQ export writes one it could not pre-transpose. The
 * Linear fusions then see a quantized constant weight.
 */
export function quantizedWeightTranspose(origins: NodeOrigins): RewriteRule {
  return {
    name: 'quantized-weight-transpose',
    pattern: opPattern('Transpose', [anyValue('w', (v) => fakeQuantizedMatrix(v) !== undefined)]),
    apply(match, graph) {
      const transpose = match.root;
      const w = match.values.w as Value;
      const perm = transpose.attrs.perm as readonly number[] | undefined;
      if (perm && !(perm[0] === 1 && perm[1] === 0)) return false;
      if (w.uses.length !== 1 || graph.outputs.includes(w)) return false;
      const fq = fakeQuantizedMatrix(w) as Node;
      const weight = fq.input(0);
      const out = transposeMatrixWeight(graph, origins, w, `${weight.name}_transposed`, transpose);
      const name = transpose.output().name;
      graph.replaceAllUses(transpose.output(), out);
      graph.removeNode(transpose);
      graph.removeNode(fq);
      if (weight.uses.length === 0 && !graph.outputs.includes(weight)) graph.removeValue(weight);
      graph.renameValue(out, name);
      graph.renameNode(out.producer as Node, fq.name);
      return true;
    },
  };
}
