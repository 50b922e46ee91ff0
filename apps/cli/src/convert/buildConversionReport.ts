import { HARDWARE_UNITS } from '@qtk/backend';
import type { Graph } from '@qtk/ir';
import type { ConversionReport, FallbackReport } from './ConversionReport.js';

const OPTION_PREFIX = 'option.';

/**
 * The {@link ConversionReport} of a quantized graph: `metadata` is the artifact's (the registry
 * records `march`, `backend` and `option.<name>` there), `warnings` its `qtk.convert` section's.
 */
export function buildConversionReport(
  graph: Graph,
  metadata: Readonly<Record<string, string>>,
  warnings: readonly string[],
): ConversionReport {
  const counts = new Map<string, number>(HARDWARE_UNITS.map((u) => [u, 0]));
  let unplaced = 0;
  const fallbacks: FallbackReport[] = [];
  for (const node of graph.nodes) {
    const { unit, fallback } = node.annotations;
    if (unit === undefined) unplaced++;
    else counts.set(unit, (counts.get(unit) ?? 0) + 1);
    if (fallback !== undefined) fallbacks.push({ name: node.name, op: node.qualifiedOp, note: fallback });
  }
  const others = [...counts.keys()].filter((u) => !HARDWARE_UNITS.includes(u as never)).sort();
  const nodesPerUnit: Record<string, number> = {};
  for (const unit of [...HARDWARE_UNITS, ...others]) nodesPerUnit[unit] = counts.get(unit) ?? 0;
  if (unplaced > 0) nodesPerUnit.none = unplaced;
  const options = Object.entries(metadata)
    .filter(([key]) => key.startsWith(OPTION_PREFIX))
    .map(([key, value]): [string, string] => [key.slice(OPTION_PREFIX.length), value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    march: metadata.march ?? null,
    backend: metadata.backend ?? null,
    options: Object.fromEntries(options),
    nodesPerUnit,
    fallbacks,
    warnings: [...warnings],
  };
}
