import { renderTable } from '../text/renderTable.js';
import type { ConversionReport } from './ConversionReport.js';

/**
 * A conversion as text, shared by `qtk convert`'s summary and `qtk inspect` of a quantized
 * artifact: march, backend and options; nodes per unit; the CPU fallbacks; the warnings.
 */
export function formatConversion(report: ConversionReport): string {
  const out: string[] = [];
  const options = Object.entries(report.options).map(([k, v]) => `${k}=${v}`);
  out.push(
    renderTable([
      ['march:', report.march ?? '(not recorded)'],
      ['backend:', report.backend ?? '(not recorded)'],
      ...(options.length > 0 ? [['options:', options.join(', ')]] : []),
    ]),
  );
  const units = Object.entries(report.nodesPerUnit);
  const total = units.reduce((sum, [, n]) => sum + n, 0);
  out.push(`Nodes per unit (${total}):\n`, renderTable(units.map(([unit, n]) => [unit, String(n)])));
  const { fallbacks, warnings } = report;
  if (fallbacks.length === 0) out.push('Fallbacks: none\n');
  else {
    out.push(`Fallbacks (${fallbacks.length}):\n`, renderTable(fallbacks.map((f) => [f.name, f.op, f.note])));
  }
  if (warnings.length === 0) out.push('Warnings: none\n');
  else out.push(`Warnings (${warnings.length}):\n`, ...warnings.map((w) => `  ${w}\n`));
  return out.join('');
}
