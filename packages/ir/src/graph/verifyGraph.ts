import { QtkError } from '../errors/QtkError.js';
import { Tensor } from '../tensor/Tensor.js';
import type { AttributeKind, AttributeValue } from './Attribute.js';
import type { Graph } from './Graph.js';
import type { Node } from './Node.js';
import { formatTensorType, tensorTypesEqual } from './TensorType.js';
import type { Value } from './Value.js';

function fits(kind: AttributeKind, v: AttributeValue): boolean {
  switch (kind) {
    case 'int':
      return typeof v === 'number' && Number.isInteger(v);
    case 'float':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'ints':
      return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isInteger(x));
    case 'floats':
      return Array.isArray(v) && v.every((x) => typeof x === 'number');
    case 'strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'tensor':
      return v instanceof Tensor;
  }
}

function fail(node: Node, message: string): never {
  throw new QtkError('graph.invalid', `node '${node.name}' (${node.op}): ${message}`);
}

function checkSignature(graph: Graph, node: Node): void {
  const def = graph.registry.definitionOf(node);
  const specs = def.inputs;
  const variadicIn = specs[specs.length - 1]?.variadic === true;
  if (!variadicIn && node.inputs.length > specs.length) {
    fail(node, `has ${node.inputs.length} inputs, at most ${specs.length} allowed`);
  }
  specs.forEach((spec, i) => {
    if (!spec.optional && !node.inputs[i]) fail(node, `input ${i} (${spec.name}) is missing`);
  });
  const outSpecs = def.outputs;
  const variadicOut = outSpecs[outSpecs.length - 1]?.variadic === true;
  const required = Math.max(1, outSpecs.filter((o) => !o.optional && !o.variadic).length);
  if (node.outputs.length < required || (!variadicOut && node.outputs.length > outSpecs.length)) {
    const expected = variadicOut
      ? `at least ${required}`
      : required === outSpecs.length
        ? `${required}`
        : `${required} to ${outSpecs.length}`;
    fail(node, `has ${node.outputs.length} outputs, expected ${expected}`);
  }
  for (const [name, value] of Object.entries(node.attrs)) {
    const spec = def.attributes[name];
    if (!spec) fail(node, `unknown attribute '${name}'`);
    if (!fits(spec.kind, value)) fail(node, `attribute '${name}' must be of kind ${spec.kind}`);
  }
  for (const [name, spec] of Object.entries(def.attributes)) {
    if (spec.required && node.attrs[name] === undefined) fail(node, `attribute '${name}' is required`);
  }
}

/**
 * Checks a graph's structure and types, throwing a {@link QtkError} that names the first offending
 * node or value: unknown ops, wrong arity or attributes, inputs that come from nowhere (dangling) or
 * from later nodes (a cycle, or a wrong order), outputs without a producer, and output types that
 * differ from what shape inference gives.
 */
export function verifyGraph(graph: Graph): void {
  const available = new Set<Value>();
  for (const v of graph.inputs) available.add(v);
  for (const v of graph.constants) available.add(v);
  const produced = new Map<Value, Node>();
  for (const node of graph.nodes) for (const out of node.outputs) produced.set(out, node);

  for (const node of graph.nodes) {
    checkSignature(graph, node);
    node.inputs.forEach((v, i) => {
      if (!v) return;
      if (graph.findValue(v.name) !== v) fail(node, `input ${i} '${v.name}' is not a value of the graph (dangling)`);
      if (!available.has(v)) {
        const producer = produced.get(v);
        if (!producer) fail(node, `input ${i} '${v.name}' has no producer (dangling)`);
        if (reaches(node, producer)) fail(node, `is part of a cycle through '${producer.name}'`);
        fail(node, `reads '${v.name}' before its producer '${producer.name}' runs (call sortTopologically)`);
      }
      if (!v.uses.some((u) => u.node === node && u.index === i)) fail(node, `use list of '${v.name}' is out of date`);
    });
    const inferred = graph.registry.inferTypes(node);
    node.outputs.forEach((out, i) => {
      const t = inferred[i];
      if (t && !tensorTypesEqual(t, out.type)) {
        fail(
          node,
          `output '${out.name}' is typed ${formatTensorType(out.type)}, but its inputs give ${formatTensorType(t)}`,
        );
      }
      available.add(out);
    });
  }
  for (const out of graph.outputs) {
    if (!available.has(out)) {
      throw new QtkError('graph.invalid', `graph output '${out.name}' is not computed by any node, input or constant`);
    }
  }
}

/** True when `target` reads, directly or not, an output of `from`. */
function reaches(from: Node, target: Node): boolean {
  const seen = new Set<Node>();
  const stack = [from];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    for (const out of n.outputs) {
      for (const use of out.uses) {
        if (use.node === target) return true;
        if (!seen.has(use.node)) {
          seen.add(use.node);
          stack.push(use.node);
        }
      }
    }
  }
  return false;
}
