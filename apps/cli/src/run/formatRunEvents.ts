import type { Graph, Node } from '@qtk/ir';
import { formatCount } from '../text/formatCount.js';

/** The simulator's events of one run: counts per node name, then per event. */
export type RunEvents = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** The events `qtk run` reports, and what its warning says of each. */
const REPORTED = [
  { event: 'saturated', what: 'values saturated (fell outside the quantized range)' },
  { event: 'overflow', what: 'int32 accumulators overflowed (saturated or wrapped, as the backend says)' },
] as const;

function share(count: number, size: number | undefined): string {
  if (!size) return '';
  const percent = (100 * count) / size;
  // Two decimals, or two significant digits for shares too small to show so (0.0020%).
  const shown = percent >= 0.01 ? percent.toFixed(2) : percent.toPrecision(2);
  return ` of ${formatCount(size)} (${shown}%)`;
}

function where(nodes: readonly Node[]): string {
  const n = nodes.length;
  const fakeQuantizations = nodes.every((node) => node.op === 'FakeQuantize' && node.domain === '');
  return fakeQuantizations ? `${n} fake quantization${n === 1 ? '' : 's'}` : `${n} node${n === 1 ? '' : 's'}`;
}

/**
 * The warnings `qtk run` prints about what the simulator counted: values a fake quantization or an
 * integer op clipped (`saturated`), and int32 accumulators of integer GEMMs that overflowed
 * (`overflow`). One block per event, one line per node that reported it, in graph order, with the
 * count over the number of values the node produced (`sizes`; a FakeQuantize's input size). Empty
 * when nothing happened.
 */
export function formatRunEvents(graph: Graph, events: RunEvents, sizes: ReadonlyMap<string, number>): string {
  const blocks: string[] = [];
  for (const { event, what } of REPORTED) {
    const nodes = graph.nodes.filter((node) => (events[node.name]?.[event] ?? 0) > 0);
    if (nodes.length === 0) continue;
    const lines = nodes.map((node) => {
      const count = events[node.name]?.[event] ?? 0;
      return `  ${node.name}: ${formatCount(count)}${share(count, sizes.get(node.name))}\n`;
    });
    blocks.push(`qtk: warning: ${what} at ${where(nodes)}:\n${lines.join('')}`);
  }
  return blocks.join('');
}
