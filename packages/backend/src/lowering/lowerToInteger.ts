import { type Graph, type Node, QTK_DOMAIN, QtkError, verifyGraph } from '@qtk/ir';
import { LoweringContext } from './LoweringContext.js';
import type { LoweringPolicy } from './LoweringPolicy.js';
import { lowerFallback } from './lowerFallback.js';
import { loweringTable } from './loweringTable.js';
import type { OpLowering } from './OpLowering.js';

/** The result of {@link lowerToInteger}. */
export interface LoweringResult {
  readonly graph: Graph;
  /** What a user should know: CPU fallbacks, clipped biases, rescaled Concat inputs. */
  readonly warnings: readonly string[];
}

function isFloatNode(node: Node): boolean {
  return node.outputs.some((o) => o.type.dtype === 'float32' || o.type.dtype === 'float64');
}

function lowerNode(ctx: LoweringContext, node: Node, table: ReadonlyMap<string, OpLowering>, march: string): void {
  const lowering = node.domain === '' ? table.get(node.op) : undefined;
  const outcome = lowering ? lowering.lower(ctx, node) : false;
  if (outcome === true) return;
  if (!isFloatNode(node) && typeof outcome !== 'string') {
    // Shape and index arithmetic: copied as it is, on the CPU, no fallback to report (unless the
    // lowering said why it fell back: an ArgMax of float data).
    const out = ctx.emit({
      op: node.op,
      domain: node.domain,
      name: node.name,
      inputs: node.inputs.map((v) => (v ? ctx.get(v).value : null)),
      attrs: { ...node.attrs },
      outputs: node.outputs.map((o) => o.name),
      unit: ctx.policy.units.fallback,
    });
    node.outputs.forEach((o, k) => {
      ctx.set(o, { kind: 'float', value: out.output(k) });
    });
    return;
  }
  lowerFallback(ctx, node, march, typeof outcome === 'string' ? outcome : undefined);
}

/**
 * Lowers a calibrated QAT graph (float ops with FakeQuantize points) to qtk's integer ops, each
 * node through its entry of the policy's lowering table ({@link loweringTable}):
 * quantize at the inputs, integer GEMMs with int32 accumulation and their requantization (fused
 * ReLU/ReLU6 as the clamp), high-precision GEMM outputs as the policy says, dequantize + quantize
 * pairs as one Rescale (equal ones vanishing), integer Add/Sub/Mul, LayerNorm and Softmax with
 * int16 internals, lookup tables for Sigmoid/Tanh/Erf/GELU, integer averages, data movement on
 * integers, and a marked CPU fallback for everything else; integer model outputs end in one
 * Dequantize. Every node is annotated with its unit. Node names stay the model's.
 */
export function lowerToInteger(qat: Graph, policy: LoweringPolicy, march: string): LoweringResult {
  const ctx = new LoweringContext(qat, policy);
  const table = loweringTable(policy);
  for (const input of qat.inputs) ctx.set(input, { kind: 'float', value: ctx.graph.addInput(input.name, input.type) });
  for (const node of qat.nodes) {
    if (!ctx.isConsumed(node)) lowerNode(ctx, node, table, march);
  }
  const taken = new Set<string>();
  const outputs = qat.outputs.map((v) => {
    const l = ctx.get(v);
    if (taken.has(v.name)) throw new QtkError('backend.lowering', `graph output '${v.name}' appears twice`);
    taken.add(v.name);
    if (l.kind === 'float') {
      if (l.value.name !== v.name && !ctx.graph.findValue(v.name)) ctx.graph.renameValue(l.value, v.name);
      return l.value;
    }
    const node = ctx.emit({
      op: 'Dequantize',
      domain: QTK_DOMAIN,
      name: `${v.name}_dequantize`,
      inputs: [l.value],
      attrs: { scales: [...l.scales], ...(l.axis !== undefined ? { axis: l.axis } : {}) },
      unit: policy.units.dequantize,
    });
    ctx.graph.renameValue(node.output(), v.name);
    return node.output();
  });
  ctx.graph.setOutputs(outputs);
  ctx.graph.removeDeadCode();
  verifyGraph(ctx.graph);
  return { graph: ctx.graph, warnings: ctx.warnings };
}
