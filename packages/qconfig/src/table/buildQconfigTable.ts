import type { Node, OpRegistry, QuantDType, Value } from '@qtk/ir';
import type { PreparedModel } from '../PreparedModel.js';
import { passthroughSource, quantRoleOf } from '../prepare/quantRole.js';
import type { QconfigEntry, QconfigTable, QconfigWarning, TensorQuantization } from './QconfigTable.js';

/** Warn when more than this share of a tensor's values saturated in validation runs. */
export const SATURATION_WARNING_SHARE = 0.01;

const FLOAT: TensorQuantization = { dtype: null, scale: null };

function scaleOf(fq: Node): number | readonly number[] | null {
  const s = (fq.attrs.scales as readonly number[] | undefined) ?? [];
  if (s.length === 0) return null;
  return fq.attrs.axis !== undefined ? s : (s[0] as number);
}

/** The quantization a reader of `v` sees: from the FakeQuantize behind it, through passthrough ops. */
function quantizationOf(v: Value | null, registry: OpRegistry): TensorQuantization {
  const p = v?.producer;
  if (!p) return FLOAT;
  if (p.op === 'FakeQuantize') return { dtype: p.attrs.dtype as QuantDType, scale: scaleOf(p) };
  if (quantRoleOf(p, registry) === 'passthrough') return quantizationOf(passthroughSource(p, registry), registry);
  return FLOAT;
}

/** The name a user knows for a value: the FakeQuantize's input rather than its output. */
function userName(v: Value): string {
  return v.producer?.op === 'FakeQuantize' ? (v.producer.inputs[0]?.name ?? v.name) : v.name;
}

function isFloat(v: Value | null): v is Value {
  return v !== null && (v.type.dtype === 'float32' || v.type.dtype === 'float64');
}

/**
 * The qconfig table of a prepared model, read off its graph (so it shows what is there, not what
 * was meant): per op its inputs, output and weight dtypes and scales, and the rule that decided;
 * then warnings: high-precision outputs, fixed scales, int16 weights, ops whose input and output
 * dtypes differ, float inputs of quantized ops, and heavy saturation seen in validation.
 */
export function buildQconfigTable(model: PreparedModel): QconfigTable {
  const ops: QconfigEntry[] = [];
  const warnings: QconfigWarning[] = [];
  const byName = new Map(model.graph.nodes.map((n) => [n.name, n]));
  for (const node of model.graph.nodes) {
    if (node.op === 'FakeQuantize') continue;
    const decision = model.decisions.get(node.name);
    const fusedName = model.fusions.get(node.name);
    const outNode = fusedName ? (byName.get(fusedName) ?? node) : node;
    const outValue = outNode.outputs[0];
    // Its own output point, not an input point of a reader (a high-precision output re-quantized for linear3).
    const outFq = outValue?.uses.find(
      (u) => u.node.op === 'FakeQuantize' && model.points.get(u.node.name)?.op === node.name,
    )?.node;
    const role = quantRoleOf(node, model.graph.registry);
    const output: TensorQuantization = outFq
      ? { dtype: outFq.attrs.dtype as QuantDType, scale: scaleOf(outFq) }
      : role === 'passthrough'
        ? quantizationOf(passthroughSource(node, model.graph.registry), model.graph.registry)
        : FLOAT; // a DeQuantStub's output is float whatever its input
    let weight: TensorQuantization | undefined;
    const inputs: (TensorQuantization & { name: string })[] = [];
    node.inputs.forEach((v) => {
      if (!isFloat(v)) return;
      const p = v.producer;
      const isWeightFq =
        p?.op === 'FakeQuantize' && p.inputs[0]?.constant !== undefined && model.points.get(p.name)?.role === 'weight';
      if (isWeightFq) {
        weight = { dtype: p.attrs.dtype as QuantDType, scale: scaleOf(p) };
        return;
      }
      if (v.constant) return; // bias, normalization parameters: not quantized tensors
      inputs.push({ name: userName(v), ...quantizationOf(v, model.graph.registry) });
    });
    // Inputs the op declares int16 (a GridSample grid) differ from its output's dtype by design.
    const int16Inputs = new Set(
      (model.graph.registry.traitsOf(node).int16Inputs ?? []).flatMap((i) => {
        const v = node.inputs[i];
        return v ? [userName(v)] : [];
      }),
    );
    const notes: string[] = [];
    if (fusedName) notes.push(`quantized after ${fusedName}`);
    if (outFq && model.sharing.has(outFq.name)) notes.push(model.sharing.get(outFq.name) as string);
    const rule = [
      decision?.rule ?? (model.setterNames.length ? 'not decided by a setter' : 'from the imported model'),
      ...notes,
    ].join('; ');
    ops.push({ name: node.name, op: node.op, inputs, output, ...(weight ? { weight } : {}), rule });

    if (role === 'gemm' && output.dtype === null && !fusedName) {
      warnings.push({
        op: node.name,
        kind: 'high-precision-output',
        message: `${node.name}: output not quantized (high precision: int32 on nash-e/m, float32 on nash-h/p)`,
      });
    }
    if (weight?.dtype === 'qint16')
      warnings.push({ op: node.name, kind: 'int16-weight', message: `${node.name}: int16 weights` });
    if ((role === 'gemm' || role === 'compute') && output.dtype) {
      const differing = inputs.filter((i) => i.dtype && i.dtype !== output.dtype && !int16Inputs.has(i.name));
      if (differing.length) {
        warnings.push({
          op: node.name,
          kind: 'dtype-change',
          message: `${node.name}: input ${differing.map((i) => `${i.name} ${i.dtype}`).join(', ')} but output ${output.dtype}`,
        });
      }
      const floats = inputs.filter((i) => i.dtype === null);
      if (floats.length) {
        warnings.push({
          op: node.name,
          kind: 'float-input',
          message: `${node.name}: reads float input ${floats.map((i) => i.name).join(', ')}`,
        });
      }
    }
  }
  const skipsReported = new Set<string>();
  for (const fq of model.fakeQuantizes) {
    const observerId = fq.attrs.observer as string;
    const observer = model.observers.get(observerId);
    const c = observer?.config;
    const fixed =
      c && (c.kind === 'fixed-scale' || c.kind === 'clip' || (c.kind === 'minmax' && c.averagingConstant === 0));
    const point = model.points.get(fq.name);
    if (fixed && point?.role !== 'weight') {
      warnings.push({ op: point?.op ?? fq.name, kind: 'fixed-scale', message: `${fq.name}: fixed scale (${c.kind})` });
    }
    const sat = model.saturation.get(fq.name);
    if (sat && sat.total > 0 && sat.saturated / sat.total > SATURATION_WARNING_SHARE) {
      warnings.push({
        op: point?.op ?? fq.name,
        kind: 'saturation',
        message: `${fq.name}: ${((100 * sat.saturated) / sat.total).toFixed(2)}% of values saturate (${sat.saturated} of ${sat.total})`,
      });
    }
    // One warning per observer: points sharing an observer (Concat inputs) saw the same values.
    if (observer && observer.skippedNonFinite > 0 && !skipsReported.has(observerId)) {
      skipsReported.add(observerId);
      warnings.push({
        op: point?.op ?? fq.name,
        kind: 'non-finite',
        message: `${fq.name}: ${observer.skippedNonFinite} NaN or infinite value${observer.skippedNonFinite === 1 ? '' : 's'} skipped in calibration`,
      });
    }
  }
  return { march: model.march, setters: model.setterNames, ops, warnings };
}
