import type { Node } from '@qtk/ir';

/**
 * How a GEMM's result leaves it: requantized into the point that reads it (`fq`), after the
 * activation fused into it (`activation`, a ReLU or ReLU6), or high-precision (no point reads it
 * directly: it is a model output, re-quantized by its readers).
 */
export interface GemmOutputPlan {
  readonly fq?: Node;
  readonly activation?: Node;
}

function onlyReader(node: Node): Node | undefined {
  const uses = node.output().uses;
  return uses.length === 1 ? uses[0]?.node : undefined;
}

/** Reads the GEMM's output plan off the QAT graph (prepare put the points there). */
export function gemmOutputPlan(gemm: Node, graphOutputs: ReadonlySet<unknown>): GemmOutputPlan {
  if (graphOutputs.has(gemm.output())) return {};
  const reader = onlyReader(gemm);
  if (!reader) return {};
  if (reader.op === 'FakeQuantize' && reader.domain === '') return { fq: reader };
  if ((reader.op === 'Relu' || reader.op === 'Clip') && reader.domain === '' && !graphOutputs.has(reader.output())) {
    const after = onlyReader(reader);
    if (after?.op === 'FakeQuantize' && after.domain === '') return { fq: after, activation: reader };
  }
  return {};
}
