import { type Dim, formatShape } from '@qtk/ir';
import { formatConversion } from '../convert/formatConversion.js';
import { formatCount } from '../text/formatCount.js';
import { renderTable } from '../text/renderTable.js';
import type { InspectReport, NodeReport, ValueReport } from './InspectReport.js';

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

function foldedText(folded: number | null): string {
  return folded ? `; ${formatCount(folded)} more folded to constants at import` : '';
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
  // A converted model's nodes carry the unit they run on; other models get no empty column.
  const placed = report.nodes.some((n) => n.unit !== null || n.fallback);
  const unitText = (n: NodeReport): string[] => (placed ? [`${n.unit ?? '-'}${n.fallback ? ' (fallback)' : ''}`] : []);
  out.push(
    `\nNodes (${report.nodes.length}${foldedText(report.foldedAtImport)}):\n`,
    renderTable([
      ['name', 'op', ...(placed ? ['unit'] : []), 'inputs', 'outputs', 'MACs'],
      ...report.nodes.map((n) => [
        n.name,
        n.op,
        ...unitText(n),
        n.inputs.map(typeText).join(', '),
        n.outputs.map(typeText).join(', '),
        n.macs > 0 ? formatCount(n.macs) : '-',
      ]),
    ]),
  );
  out.push('\nOp counts:\n', renderTable(Object.entries(report.opCounts).map(([op, count]) => [op, String(count)])));
  const assumed = report.macsSymbolicDimsAsOne;
  const integerOps = report.nodes.some((n) => n.op.includes('::'));
  const counted = integerOps
    ? "elements of floating-point constants and of the integer ops' weights, biases, gammas and betas"
    : 'elements of floating-point constants';
  out.push(
    `\nParameters: ${formatCount(report.parameters)} (${counted})\n`,
    `MACs: ${formatCount(report.macs)}${assumed.length > 0 ? ` (symbolic dims ${assumed.join(', ')} counted as 1)` : ''}\n`,
  );
  if (report.conversion) out.push('\nConversion:\n', formatConversion(report.conversion));
  return out.join('');
}
