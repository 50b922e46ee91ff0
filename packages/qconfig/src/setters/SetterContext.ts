import type { Graph, Node, QuantRole, Value } from '@qtk/ir';
import { quantRoleOf } from '../prepare/quantRole.js';

/** Where the (effective) output of an op goes. */
export interface OutputUse {
  /** Read as a model output: a graph output, or the input of a DeQuantStub (through Identity). */
  readonly modelOutput: boolean;
  /** Ops other than model outputs that read it. */
  readonly consumers: readonly Node[];
}

/** What a {@link QconfigSetter} sees of the graph being prepared. */
export class SetterContext {
  readonly graph: Graph;
  readonly #fusions: ReadonlyMap<Node, Node>;

  constructor(graph: Graph, fusions: ReadonlyMap<Node, Node>) {
    this.graph = graph;
    this.#fusions = fusions;
  }

  /** The ops a setter decides about: every node but the graph's own Identity glue. */
  get ops(): readonly Node[] {
    return this.graph.nodes;
  }

  role(node: Node): QuantRole {
    return quantRoleOf(node, this.graph.registry);
  }

  /** The activation fused into a GEMM (its ReLU or ReLU6), if any. */
  fusedActivation(node: Node): Node | undefined {
    return this.#fusions.get(node);
  }

  /** Where a node's output goes, after its fused activation. */
  outputUse(node: Node): OutputUse {
    const fused = this.#fusions.get(node);
    const value = (fused ?? node).output();
    const consumers: Node[] = [];
    let modelOutput = false;
    const outputs = new Set(this.graph.outputs);
    const walk = (v: Value): void => {
      if (outputs.has(v)) modelOutput = true;
      for (const use of v.uses) {
        if (use.node.op === 'DeQuantStub') modelOutput = true;
        else if (use.node.op === 'Identity') walk(use.node.output());
        else consumers.push(use.node);
      }
    };
    walk(value);
    return { modelOutput, consumers };
  }
}
