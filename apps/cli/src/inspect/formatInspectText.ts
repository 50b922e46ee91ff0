import { type Dim, formatShape } from '@qtk/ir';
import { formatCount } from '../text/formatCount.js';
import { renderTable } from '../text/renderTable.js';
import type { InspectReport, ValueReport } from './InspectReport.js';

function typeText(value: ValueReport | null): string {
  return value ? `${value.dtype}${formatShape(value.shape as Dim[])}` : '-';
}

function modelLine(report: InspectReport): string {
  const { model } = report;
  switch (model.source) {
    case 'builtin':
      return `built-in model (no model file given): ${model.description}`;
    case 'onnx':
      return `${model.path} (ONNX)`;
    default:
      return `${model.path} (qtk artifact, ${model.artifactKind})`;
  }
}

/** `qtk inspect`'s human-readable output. */
export function formatInspectText(report: InspectReport): string {
  const out: string[] = [];
  out.push(`Model: ${modelLine(report)}\n`, `Graph: ${report.model.graphName}\n`);
  const metadata = Object.entries(report.metadata);
  if (metadata.length > 0) {
    out.push('Metadata:\n', renderTable(metadata.map(([k, v]) => [`${k}:`, v])));
  }
  const values = (vs: readonly ValueReport[]): string[][] => vs.map((v) => [v.name, v.dtype, formatShape(v.shape)]);
  out.push(`\nInputs (${report.inputs.length}):\n`, renderTable(values(report.inputs)));
  out.push(`\nOutputs (${report.outputs.length}):\n`, renderTable(values(report.outputs)));
  out.push(
    `\nNodes (${report.nodes.length}):\n`,
    renderTable([
      ['name', 'op', 'inputs', 'outputs', 'MACs'],
      ...report.nodes.map((n) => [
        n.name,
        n.op,
        n.inputs.map(typeText).join(', '),
        n.outputs.map(typeText).join(', '),
        n.macs > 0 ? formatCount(n.macs) : '-',
      ]),
    ]),
  );
  out.push('\nOp counts:\n', renderTable(Object.entries(report.opCounts).map(([op, count]) => [op, String(count)])));
  const assumed = report.macsSymbolicDimsAsOne;
  out.push(
    `\nParameters: ${formatCount(report.parameters)} (elements of floating-point constants)\n`,
    `MACs: ${formatCount(report.macs)}${assumed.length > 0 ? ` (symbolic dims ${assumed.join(', ')} counted as 1)` : ''}\n`,
  );
  return out.join('');
}
