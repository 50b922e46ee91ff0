import type { Graph } from '@qtk/ir';
import { formatCount } from '../text/formatCount.js';

/**
 * The warning `qtk run` prints when fake quantization clipped values: one line per FakeQuantize
 * node that saturated, in graph order, with how many of its input's values fell outside the range
 * (`saturated` events of the simulator over the input's size). Empty when nothing saturated.
 */
export function formatSaturations(
  graph: Graph,
  events: Readonly<Record<string, Readonly<Record<string, number>>>>,
  inputSizes: ReadonlyMap<string, number>,
): string {
  const lines: string[] = [];
  for (const node of graph.nodes) {
    const saturated = events[node.name]?.saturated ?? 0;
    if (node.op !== 'FakeQuantize' || saturated === 0) continue;
    const size = inputSizes.get(node.name);
    const percent = size ? (100 * saturated) / size : 0;
    // Two decimals, or two significant digits for shares too small to show so (0.0020%).
    const shown = percent >= 0.01 ? percent.toFixed(2) : percent.toPrecision(2);
    const share = size ? ` of ${formatCount(size)} (${shown}%)` : '';
    lines.push(`  ${node.name}: ${formatCount(saturated)}${share}\n`);
  }
  if (lines.length === 0) return '';
  const n = lines.length;
  return `qtk: warning: values saturated (fell outside the quantized range) at ${n} fake quantization${n === 1 ? '' : 's'}:\n${lines.join('')}`;
}
