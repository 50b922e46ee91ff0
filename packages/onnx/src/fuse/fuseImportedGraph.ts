import { type Graph, rewriteGraph } from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { convBatchNormFusion } from './convBatchNormFusion.js';
import { convTransposeBatchNormFusion } from './convTransposeBatchNormFusion.js';
import { geluFusions } from './geluFusion.js';
import { layerNormFusions } from './layerNormFusion.js';
import { linearFromGemm, linearFromMatMul, linearFromMatMulAdd } from './linearFusions.js';
import { quantizedWeightTranspose } from './quantizedWeightTranspose.js';

/**
 * Restores the layers PyTorch's ONNX export decomposed: Linear (from MatMul + Add, MatMul, Gemm;
 * with a constant weight or a fake-quantized one, whose Transpose folds in first), Conv and
 * ConvTranspose with BatchNorm folded in, LayerNorm and GELU. Rules run in this order to a
 * fixpoint, so a MatMul followed by a bias Add fuses whole before a bare MatMul would. Returns how
 * often each rule fired.
 */
export function fuseImportedGraph(graph: Graph, origins: NodeOrigins): Record<string, number> {
  return rewriteGraph(graph, [
    quantizedWeightTranspose(origins),
    linearFromMatMulAdd(origins),
    linearFromMatMul(origins),
    linearFromGemm(origins),
    convBatchNormFusion(origins),
    ...layerNormFusions(origins),
    ...geluFusions(origins),
    convTransposeBatchNormFusion(origins),
  ]);
}
