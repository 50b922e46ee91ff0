import type { Node } from '@qtk/ir';

/**
 * The ONNX node names each qtk node came from, root first. Import records one per node; a fusion
 * gives the fused node the names of all the nodes it replaced; the final naming pass reads them.
 */
export class NodeOrigins {
  readonly #names = new Map<Node, readonly string[]>();

  /** Records that `node` came from the ONNX nodes called `names` (root first). */
  set(node: Node, names: readonly string[]): void {
    this.#names.set(node, names);
  }

  /** Records that `node` replaced `covered` (root first), inheriting their origins. */
  merge(node: Node, covered: readonly Node[]): void {
    this.#names.set(
      node,
      covered.flatMap((n) => this.get(n)),
    );
  }

  /** The origins of `node`; a node made by qtk itself has its own name. */
  get(node: Node): readonly string[] {
    return this.#names.get(node) ?? [node.name];
  }
}
