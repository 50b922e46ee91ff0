import type { Graph, Node, Tensor, Value } from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { isFloatValue } from './isFloatValue.js';
import { transposeMatrix } from './transposeMatrix.js';

/**
 * The FakeQuantize of a constant float matrix that `v` is the output of (a QDQ model's quantized
 * weight, as import reads it), when it is one.
 */
export function fakeQuantizedMatrix(v: Value): Node | undefined {
  const p = v.producer;
  if (p?.op !== 'FakeQuantize' || p.domain !== '') return undefined;
  const w = p.inputs[0];
  return w?.constant && isFloatValue(w) && w.type.shape.length === 2 ? p : undefined;
}

/** A weight the Linear fusions take: a constant matrix, or a FakeQuantize of one. */
export function isMatrixWeight(v: Value): boolean {
  return (v.constant !== undefined && v.type.shape.length === 2) || fakeQuantizedMatrix(v) !== undefined;
}

/**
 * The transpose of a matrix weight, named `name`: a constant, or for a FakeQuantize of a constant
 * a new FakeQuantize (placed before `before`, per-channel axis swapped, same origins) of the
 * transposed constant.
 * Quantization is elementwise, so transposing before or after it is the same.
 */
export function transposeMatrixWeight(graph: Graph, origins: NodeOrigins, w: Value, name: string, before: Node): Value {
  const fq = fakeQuantizedMatrix(w);
  if (!fq) return graph.addConstant(name, transposeMatrix(w.constant as Tensor));
  const transposed = graph.addConstant(name, transposeMatrix(fq.input(0).constant as Tensor));
  const axis = fq.attrs.axis as number | undefined;
  const node = graph.addNode({
    op: 'FakeQuantize',
    name: fq.name,
    inputs: [transposed],
    attrs: { ...fq.attrs, ...(axis !== undefined ? { axis: axis === 0 || axis === -2 ? 1 : 0 } : {}) },
    before,
  });
  origins.set(node, origins.get(fq));
  return node.output();
}
