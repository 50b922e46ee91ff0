import { AttributeReader, type Kernel, type Node, type OpRegistry, QTK_DOMAIN, QtkError, type Tensor } from '@qtk/ir';
import { integerKernels } from './integerKernelTable.js';
import { coreKernels } from './kernelTable.js';

/**
 * The kernel that runs `node`: the simulator's own for a core op or a qtk integer op, else the one its definition in
 * `registry` carries (how a backend's ops run without the simulator knowing the backend).
 */
export function kernelFor(node: Node, registry: OpRegistry): Kernel {
  const own =
    node.domain === ''
      ? coreKernels.get(node.op)
      : node.domain === QTK_DOMAIN
        ? integerKernels.get(node.op)
        : undefined;
  if (own) return own;
  const def = registry.definitionOf(node);
  if (!def.kernel) {
    throw new QtkError(
      'simulator.no-kernel',
      `node '${node.name}': op '${node.qualifiedOp}' has no kernel in the simulator or in its definition`,
    );
  }
  return def.kernel;
}

/**
 * Runs one node on its input tensors. `count` receives the events the kernel reports. Checks the
 * kernel gave one tensor per output.
 */
export function runNode(
  node: Node,
  inputs: readonly (Tensor | null)[],
  registry: OpRegistry,
  count: (event: string, n?: number) => void,
): Tensor[] {
  const kernel = kernelFor(node, registry);
  const attrs = new AttributeReader(node, registry.definitionOf(node).attributes);
  const outputs = kernel({ node, inputs, attrs, count });
  if (outputs.length !== node.outputs.length) {
    throw new QtkError(
      'simulator.kernel-outputs',
      `node '${node.name}' (${node.qualifiedOp}): its kernel gave ${outputs.length} outputs, the node has ${node.outputs.length}`,
    );
  }
  return outputs;
}
