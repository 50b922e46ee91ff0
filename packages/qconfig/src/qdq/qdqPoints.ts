import type { Graph, Node, QuantDType, RoundingMode } from '@qtk/ir';
import type { FakeQuantPoint } from '../prepare/addFakeQuantize.js';
import { quantRoleOf } from '../prepare/quantRole.js';
import type { FakeQuantConfig } from '../QConfig.js';

/**
 * The qconfig of a QDQ model's fake quantization: its dtype, and a fixed-scale observer holding the
 * scales the file states (a list per channel).
 */
export function fixedScaleConfig(fq: Node): FakeQuantConfig {
  const scales = fq.attrs.scales as readonly number[];
  const perChannel = fq.attrs.axis !== undefined;
  return {
    dtype: fq.attrs.dtype as QuantDType,
    observer: { kind: 'fixed-scale', scale: perChannel ? [...scales] : (scales[0] as number) },
    ...(perChannel ? { perChannel } : {}),
    rounding: (fq.attrs.rounding as RoundingMode | undefined) ?? 'half-to-even',
  };
}

/**
 * What each FakeQuantize of an imported QDQ graph is, in the terms `prepare` uses:
 * - of a constant: a GEMM's `weight` (read as its input 1), else a quantized `constant`;
 * - of a model input (through its QuantStub): an `input` point of the stub;
 * - of an op's output that nothing else reads: that op's `output` (the GEMM's, when the op is the
 *   activation fused into a GEMM);
 * - of an output that other ops or the model also read (a high-precision output re-quantized for
 *   one reader): an `input` point of the op that reads it.
 */
export function qdqPoints(graph: Graph, fusedInto: ReadonlyMap<Node, Node>): FakeQuantPoint[] {
  const points: FakeQuantPoint[] = [];
  const outputs = new Set(graph.outputs);
  for (const fq of graph.nodes) {
    if (fq.op !== 'FakeQuantize') continue;
    const x = fq.input(0);
    const [use] = fq.output().uses;
    const reader = use?.node;
    const config = fixedScaleConfig(fq);
    const point = (role: FakeQuantPoint['role'], op: string) => points.push({ node: fq, role, op, config });
    if (x.constant) {
      if (reader && use.index === 1 && quantRoleOf(reader, graph.registry) === 'gemm') point('weight', reader.name);
      else point('constant', reader?.name ?? fq.name);
      continue;
    }
    const producer = x.producer;
    if (!producer || producer.op === 'QuantStub') {
      point('input', producer?.name ?? reader?.name ?? fq.name);
      continue;
    }
    const shared = x.uses.some((u) => u.node !== fq) || outputs.has(x);
    if (!shared) point('output', (fusedInto.get(producer) ?? producer).name);
    else point('input', reader?.name ?? fq.name);
  }
  return points;
}
