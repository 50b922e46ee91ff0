import type { DecodedNode } from '../schema/DecodedModel.js';
import { invalidModel } from './invalidModel.js';

/** How errors name an ONNX node: its name, or its op type when it has none. */
export function nodeLabel(node: DecodedNode): string {
  return node.name || node.op_type || '(unnamed)';
}

/**
 * The nodes in an order where each reads only values defined before it: the file's order when it
 * is valid (the standard requires it), otherwise the nearest valid one. A value defined twice, a
 * read of a value nothing defines, and a cycle are errors naming the node.
 */
export function orderNodes(nodes: readonly DecodedNode[], defined: ReadonlySet<string>, source: string): DecodedNode[] {
  const producer = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (node.output.length === 0 || node.output.every((o) => !o)) {
      throw invalidModel(source, `node '${nodeLabel(node)}' has no outputs`);
    }
    for (const out of node.output) {
      if (!out) continue;
      if (defined.has(out) || producer.has(out)) {
        throw invalidModel(source, `value '${out}' is defined twice (again by node '${nodeLabel(node)}')`);
      }
      producer.set(out, i);
    }
  });
  const pending = new Array<number>(nodes.length).fill(0);
  const readers: number[][] = nodes.map(() => []);
  nodes.forEach((node, i) => {
    for (const name of node.input) {
      if (!name || defined.has(name)) continue;
      const p = producer.get(name);
      if (p === undefined) {
        throw invalidModel(
          source,
          `node '${nodeLabel(node)}' (${node.op_type ?? ''}) reads '${name}', which no graph input, initializer or node defines`,
        );
      }
      pending[i]++;
      readers[p]?.push(i);
    }
  });
  const ready = pending.flatMap((n, i) => (n === 0 ? [i] : [])).reverse();
  const order: DecodedNode[] = [];
  while (ready.length > 0) {
    // `ready` is kept sorted descending, so pop() takes the earliest node in file order.
    const i = ready.pop() as number;
    order.push(nodes[i] as DecodedNode);
    for (const r of readers[i] as number[]) {
      pending[r]--;
      if (pending[r] === 0) {
        let at = ready.length;
        while (at > 0 && (ready[at - 1] as number) < r) at--;
        ready.splice(at, 0, r);
      }
    }
  }
  if (order.length < nodes.length) {
    const stuck = nodes.find((_, i) => (pending[i] as number) > 0) as DecodedNode;
    throw invalidModel(source, `node '${nodeLabel(stuck)}' is part of a cycle`);
  }
  return order;
}
