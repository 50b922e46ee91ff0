import { type Dim, einsumLabelSizes, type Graph, type Node, parseEinsum, QTK_DOMAIN, type Shape } from '@qtk/ir';

/** A node's multiply-accumulates, and the symbolic dims counted as 1 to get them. */
export interface MacEstimate {
  readonly macs: number;
  readonly symbols: readonly string[];
}

/**
 * Estimates the multiply-accumulates of one node, for qtk's core GEMM-like ops and the integer
 * GEMMs of domain `qtk` (same operands) only:
 *
 * - Linear: output elements x in_features;
 * - Conv: output elements x (C_in / group x kernel elements), i.e. W's elements per output channel;
 * - MatMul, Gemm: output elements x K (the reduced dim);
 * - Einsum of two or more operands: output elements x the sizes of the labels summed over (one
 *   MAC per term of each output's sum; a one-operand Einsum only moves or adds, 0).
 * - ConvTranspose: input elements x (C_out / group x kernel elements), i.e. W's elements per input
 *   channel: every input value meets its group's kernels once (products that land in the
 *   cropped pads included).
 *
 * Every other op counts 0 (elementwise work is small next to these and is not a MAC). A symbolic
 * dim counts as 1, so a model with a symbolic batch gets MACs per sample; the symbols are returned.
 */
export function estimateMacs(graph: Graph, node: Node): MacEstimate {
  if (node.domain !== '' && node.domain !== QTK_DOMAIN) return { macs: 0, symbols: [] };
  const symbols = new Set<string>();
  const size = (dim: Dim | undefined): number => {
    if (typeof dim === 'string') {
      symbols.add(dim);
      return 1;
    }
    return dim ?? 1;
  };
  const product = (shape: Shape): number => shape.reduce<number>((p, d) => p * size(d), 1);
  const shapeOf = (i: number): Shape => node.inputs[i]?.type.shape ?? [];
  const outputElements = (): number => product(node.outputs[0]?.type.shape ?? []);

  let perOutput: number;
  switch (node.op) {
    case 'Linear':
      perOutput = size(shapeOf(1)[1]);
      break;
    case 'Conv':
      perOutput = product(shapeOf(1).slice(1));
      break;
    case 'MatMul': {
      const a = shapeOf(0);
      perOutput = size(a[a.length - 1]);
      break;
    }
    case 'Gemm': {
      const transA = graph.registry.attributesOf(node).int('transA') !== 0;
      perOutput = size(shapeOf(0)[transA ? 0 : 1]);
      break;
    }
    case 'Einsum': {
      const shapes = node.inputs.map((v) => v?.type.shape ?? []);
      const eq = parseEinsum(
        String(node.attrs.equation),
        shapes.map((s) => s.length),
      );
      const sizes = typeof eq === 'string' || shapes.length < 2 ? undefined : einsumLabelSizes(eq, shapes);
      if (!sizes || typeof sizes === 'string' || typeof eq === 'string') return { macs: 0, symbols: [] };
      perOutput = [...sizes].reduce((p, [label, d]) => (eq.output.includes(label) ? p : p * size(d)), 1);
      break;
    }
    case 'ConvTranspose':
      return { macs: product(shapeOf(0)) * product(shapeOf(1).slice(1)), symbols: [...symbols] };
    default:
      return { macs: 0, symbols: [] };
  }
  return { macs: outputElements() * perOutput, symbols: [...symbols] };
}
