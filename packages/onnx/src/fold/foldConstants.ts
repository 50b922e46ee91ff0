import {
  formatTensorType,
  type Graph,
  isConcreteShape,
  type Node,
  numel,
  shapeRange,
  Tensor,
  tensorTypesEqual,
} from '@qtk/ir';
import type { ConstantEvaluator } from './ConstantEvaluator.js';

/**
 * Quantization boundaries mark where a user wants quantization to start or end, and Q/DQ nodes
 * carry a QDQ model's scales (import reads them as fake quantization): never folded away.
 */
const NEVER_FOLDED: ReadonlySet<string> = new Set(['QuantStub', 'DeQuantStub', 'QuantizeLinear', 'DequantizeLinear']);

/** What Shape returns when the dims it returns are all static, else `undefined`. */
function staticShapeOf(graph: Graph, node: Node): Tensor | undefined {
  const shape = node.input(0).type.shape;
  const attrs = graph.registry.attributesOf(node);
  const [start, end] = shapeRange(
    shape.length,
    attrs.has('start') ? attrs.int('start') : undefined,
    attrs.has('end') ? attrs.int('end') : undefined,
  );
  const dims = shape.slice(start, end);
  if (!dims.every((d): d is number => typeof d === 'number')) return undefined;
  return Tensor.int64([dims.length], dims);
}

/** The outputs of `node` when they can be computed now, else `undefined`. */
function foldedOutputs(graph: Graph, node: Node, evaluate: ConstantEvaluator | undefined): Tensor[] | undefined {
  if (node.domain !== '' || NEVER_FOLDED.has(node.op)) return undefined;
  if (node.op === 'Identity') {
    const c = node.input(0).constant;
    return c && [c];
  }
  if (node.op === 'Shape') {
    const s = staticShapeOf(graph, node);
    if (s) return [s];
  }
  if (node.op === 'Size') {
    const shape = node.input(0).type.shape;
    if (isConcreteShape(shape)) return [Tensor.int64([], [numel(shape)])];
  }
  const present = node.inputs.filter((v) => v !== null);
  if (!evaluate || present.length === 0 || !present.every((v) => v.constant)) return undefined;
  const outputs = evaluate(
    node,
    node.inputs.map((v) => v?.constant ?? null),
  );
  // The evaluator and shape inference disagreeing is a bug in one of them, not a user error.
  if (outputs.length !== node.outputs.length) {
    throw new Error(
      `evaluating node '${node.name}' (${node.op}) gave ${outputs.length} outputs, not ${node.outputs.length}`,
    );
  }
  outputs.forEach((t, i) => {
    const inferred = node.output(i).type;
    const got = { dtype: t.dtype, shape: t.shape };
    if (inferred.shape.every((d) => typeof d === 'number') && !tensorTypesEqual(inferred, got)) {
      throw new Error(
        `evaluating node '${node.name}' (${node.op}) gave ${formatTensorType(got)} for output ${i}, inference says ${formatTensorType(inferred)}`,
      );
    }
  });
  return outputs;
}

/**
 * Folds constant subgraphs into constants: Identity of a constant, Shape of a value whose dims
 * (those it returns) are static, Size of a value whose dims are all static, and, when `evaluate` is given, any other node whose inputs are all
 * constants. Folded values keep their names, so readers and graph outputs are unaffected; constants
 * left unread are removed, and the types of later nodes are inferred again (a Reshape whose target
 * shape became a constant now has static dims). Returns the number of nodes folded.
 */
export function foldConstants(graph: Graph, evaluate?: ConstantEvaluator): number {
  let folded = 0;
  for (const node of [...graph.nodes]) {
    // Ops the registry does not define (a backend's, not loaded) keep their types and never fold.
    if (!graph.registry.find(node.op, node.domain)) continue;
    graph.inferNode(node);
    const outputs = foldedOutputs(graph, node, evaluate);
    if (!outputs) continue;
    const inputs = node.inputs.filter((v) => v !== null);
    const names = node.outputs.map((o) => o.name);
    const replacements = node.outputs.map((o, i) => {
      const c = graph.addConstant(`${o.name}__folded`, outputs[i] as Tensor);
      graph.replaceAllUses(o, c);
      return c;
    });
    graph.removeNode(node);
    replacements.forEach((c, i) => {
      graph.renameValue(c, names[i] as string);
    });
    for (const v of new Set(inputs)) {
      if (v.constant && v.uses.length === 0 && !graph.outputs.includes(v)) graph.removeValue(v);
    }
    folded++;
  }
  return folded;
}
