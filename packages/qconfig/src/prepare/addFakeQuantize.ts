import type { Graph, Node, Use, Value } from '@qtk/ir';
import type { FakeQuantConfig } from '../QConfig.js';

/** Where a fake-quantization point sits, for tables and for what calibration does with it. */
export type FakeQuantRole = 'input' | 'output' | 'weight' | 'constant';

/** A fake-quantization point prepare inserted. */
export interface FakeQuantPoint {
  readonly node: Node;
  readonly role: FakeQuantRole;
  /** The op it serves (the op whose output, weight or input it quantizes). */
  readonly op: string;
  readonly config: FakeQuantConfig;
}

/**
 * Inserts a FakeQuantize reading `value` and makes `readers` read it instead (all readers and the
 * graph outputs when `readers` is `'all'`). It starts disabled (calibration) and uncalibrated;
 * its observer id is its own name until observers are shared.
 */
export function addFakeQuantize(
  graph: Graph,
  value: Value,
  name: string,
  config: FakeQuantConfig,
  readers: 'all' | readonly Use[],
  axis?: number,
): Node {
  const uses = readers === 'all' ? [...value.uses] : readers;
  const node = graph.addNode({
    op: 'FakeQuantize',
    name,
    inputs: [value],
    attrs: {
      dtype: config.dtype,
      rounding: config.rounding ?? 'half-to-even',
      enabled: 0,
      ...(axis !== undefined ? { axis } : {}),
    },
  });
  node.attrs = { ...node.attrs, observer: node.name };
  for (const use of uses) use.node.setInput(use.index, node.output());
  if (readers === 'all' && graph.outputs.includes(value)) {
    graph.setOutputs(graph.outputs.map((o) => (o === value ? node.output() : o)));
  }
  return node;
}
