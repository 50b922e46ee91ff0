import {
  anyValue,
  constantValue,
  type Graph,
  type Match,
  opPattern,
  type RewriteRule,
  replaceMatch,
  Tensor,
  type Value,
} from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { fusedScope } from './fusedScope.js';
import { isFloatValue } from './isFloatValue.js';
import { isMatrixWeight, transposeMatrixWeight } from './matrixWeight.js';

/** Replaces the match by `Linear(x, W [out, in], bias?)` named after the fused nodes. */
function toLinear(
  graph: Graph,
  match: Match,
  origins: NodeOrigins,
  x: Value,
  weight: Value,
  bias: Value | null,
): boolean {
  const node = replaceMatch(graph, match, { op: 'Linear', name: match.root.name, inputs: [x, weight, bias] });
  origins.merge(node, match.covered);
  return true;
}

/**
 * A constant `[in, out]` weight (or a FakeQuantize of one) as the `[out, in]` one Linear takes,
 * named after the scope.
 */
function transposedWeight(graph: Graph, origins: NodeOrigins, match: Match, w: Value): Value {
  return transposeMatrixWeight(graph, origins, w, `${fusedScope(origins, match.covered)}.weight`, match.root);
}

function sameFloatType(...values: Value[]): boolean {
  const first = values[0] as Value;
  return isFloatValue(first) && values.every((v) => v.type.dtype === first.type.dtype);
}

/**
 * `Add(MatMul(x, W), b)` with a constant `W [in, out]` and a constant `b [out]` (PyTorch's export of
 * `nn.Linear` on inputs of rank > 2) becomes `Linear(x, W^T, b)`. W may also be a FakeQuantize of
 * a constant (a QDQ model's quantized weight): its transpose is quantized the same way.
 */
export function linearFromMatMulAdd(origins: NodeOrigins): RewriteRule {
  return {
    name: 'linear-from-matmul-add',
    pattern: opPattern(
      'Add',
      [opPattern('MatMul', [anyValue('x'), anyValue('w', isMatrixWeight)]), constantValue('b')],
      {
        commutative: true,
      },
    ),
    apply(match, graph) {
      const { x, w, b } = match.values as Record<'x' | 'w' | 'b', Value>;
      if (!sameFloatType(x, w, b)) return false;
      if (b.type.shape.length !== 1 || b.type.shape[0] !== w.type.shape[1]) return false;
      return toLinear(graph, match, origins, x, transposedWeight(graph, origins, match, w), b);
    },
  };
}

/** `MatMul(x, W)` with a constant 2-D `W` (or a FakeQuantize of one) becomes a bias-less `Linear(x, W^T)`. */
export function linearFromMatMul(origins: NodeOrigins): RewriteRule {
  return {
    name: 'linear-from-matmul',
    pattern: opPattern('MatMul', [anyValue('x'), anyValue('w', isMatrixWeight)]),
    apply(match, graph) {
      const { x, w } = match.values as Record<'x' | 'w', Value>;
      if (!sameFloatType(x, w)) return false;
      return toLinear(graph, match, origins, x, transposedWeight(graph, origins, match, w), null);
    },
  };
}

/** Gemm's C as a Linear bias `[out]`: `[out]` or `[1, out]` as is, a one-element C broadcast. */
function gemmBias(
  graph: Graph,
  origins: NodeOrigins,
  match: Match,
  c: Value | null,
  out: number,
): Value | null | false {
  if (!c) return null;
  const t = c.constant;
  if (!t || !isFloatValue(c)) return false;
  if (t.shape.length === 1 && t.shape[0] === out) return c;
  const name = `${fusedScope(origins, match.covered)}.bias`;
  if (t.shape.length === 2 && t.shape[0] === 1 && t.shape[1] === out) return graph.addConstant(name, t.reshape([out]));
  if (t.size === 1) {
    const data = t.data instanceof Float64Array ? new Float64Array(out) : new Float32Array(out);
    data.fill(Number(t.data[0]));
    return graph.addConstant(name, new Tensor(t.dtype, [out], data));
  }
  return false;
}

/**
 * `Gemm(x, B, C?)` with a constant B (or a FakeQuantize of one), alpha = beta = 1 and transA = 0 becomes `Linear`: B is the
 * weight as is with transB = 1 (PyTorch's export of `nn.Linear` on 2-D inputs), transposed with
 * transB = 0; a constant C of `[out]`, `[1, out]` or one element is the bias.
 */
export function linearFromGemm(origins: NodeOrigins): RewriteRule {
  return {
    name: 'linear-from-gemm',
    pattern: opPattern('Gemm', [anyValue('x'), anyValue('w', isMatrixWeight)]),
    apply(match, graph) {
      const { x, w } = match.values as Record<'x' | 'w', Value>;
      const gemm = match.root;
      const attrs = graph.registry.attributesOf(gemm);
      const c = gemm.inputs[2] ?? null;
      if (attrs.float('alpha') !== 1 || (c && attrs.float('beta') !== 1) || attrs.int('transA') !== 0) return false;
      if (!sameFloatType(x, w) || (c && c.type.dtype !== x.type.dtype)) return false;
      const transB = attrs.int('transB') !== 0;
      const out = w.type.shape[transB ? 0 : 1] as number;
      const bias = gemmBias(graph, origins, match, c, out);
      if (bias === false) return false;
      const weight = transB ? w : transposedWeight(graph, origins, match, w);
      return toLinear(graph, match, origins, x, weight, bias);
    },
  };
}
