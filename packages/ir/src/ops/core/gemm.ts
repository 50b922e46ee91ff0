import { broadcastShapes } from '../../shape/broadcastShapes.js';
import type { Dim } from '../../shape/Shape.js';
import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

function sameDim(a: Dim | undefined, b: Dim | undefined): boolean {
  return a === b || typeof a === 'string' || typeof b === 'string';
}

/**
 * PyTorch's `nn.Linear`: `y = x W^T + b` over the last dim of x. The weight is `[out, in]` as in
 * PyTorch (so per-output-channel quantization is along axis 0), the bias `[out]`.
 */
export const Linear: CoreOpDefinition<'Linear'> = {
  op: 'Linear',
  traits: { quantRole: 'gemm', parameterInputs: [2], weight: () => ({ index: 1, axis: 0 }) },
  summary: 'y = x W^T + b over the last dim; W is [out, in], b is [out].',
  inputs: [{ name: 'X' }, { name: 'W' }, { name: 'B', optional: true }],
  outputs: [{ name: 'Y' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const w = ctx.requireInput(1);
    if (w.shape.length !== 2) ctx.fail(`weight must be 2-D [out, in], got ${formatShape(w.shape)}`);
    if (x.shape.length < 1) ctx.fail('input must have at least one dim');
    if (!sameDim(x.shape[x.shape.length - 1], w.shape[1])) {
      ctx.fail(
        `input's last dim ${x.shape[x.shape.length - 1]} does not match weight ${formatShape(w.shape)} (in = ${w.shape[1]})`,
      );
    }
    const b = ctx.inputType(2);
    if (b && !(b.shape.length === 1 && sameDim(b.shape[0], w.shape[0]))) {
      ctx.fail(`bias must be [${w.shape[0]}], got ${formatShape(b.shape)}`);
    }
    return [{ dtype: x.dtype, shape: [...x.shape.slice(0, -1), w.shape[0] as Dim] }];
  },
};

/** NumPy matmul: batched, broadcasting over leading dims, with 1-D operands promoted. */
export const MatMul: CoreOpDefinition<'MatMul'> = {
  op: 'MatMul',
  traits: { quantRole: 'gemm', weight: (node) => ({ index: 1, axis: node.input(1).type.shape.length - 1 }) },
  summary: 'Matrix product with NumPy semantics.',
  inputs: [{ name: 'A' }, { name: 'B' }],
  outputs: [{ name: 'Y' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const a = ctx.requireInput(0);
    const b = ctx.requireInput(1);
    if (a.dtype !== b.dtype) ctx.fail(`input dtypes differ: ${a.dtype} and ${b.dtype}`);
    if (a.shape.length === 0 || b.shape.length === 0) ctx.fail('inputs must have at least one dim');
    const as = a.shape.length === 1 ? [1, a.shape[0] as Dim] : a.shape;
    const bs = b.shape.length === 1 ? [b.shape[0] as Dim, 1] : b.shape;
    const k1 = as[as.length - 1];
    const k2 = bs[bs.length - 2];
    if (!sameDim(k1, k2)) ctx.fail(`inner dims differ: ${formatShape(a.shape)} x ${formatShape(b.shape)}`);
    const batch = broadcastShapes(as.slice(0, -2), bs.slice(0, -2));
    if (!batch) ctx.fail(`batch dims of ${formatShape(a.shape)} and ${formatShape(b.shape)} do not broadcast`);
    const shape: Dim[] = [...batch];
    if (a.shape.length > 1) shape.push(as[as.length - 2] as Dim);
    if (b.shape.length > 1) shape.push(bs[bs.length - 1] as Dim);
    return [{ dtype: a.dtype, shape }];
  },
};

/** ONNX Gemm: `alpha * A' B' + beta * C` with optional transposes; 2-D only. */
export const Gemm: CoreOpDefinition<'Gemm'> = {
  op: 'Gemm',
  traits: {
    quantRole: 'gemm',
    parameterInputs: [2],
    weight: (_node, attrs) => ({ index: 1, axis: attrs.int('transB') ? 0 : 1 }),
  },
  summary: "alpha * A' B' + beta * C, with A' and B' optionally transposed; 2-D.",
  inputs: [{ name: 'A' }, { name: 'B' }, { name: 'C', optional: true }],
  outputs: [{ name: 'Y' }],
  attributes: {
    alpha: { kind: 'float', default: 1 },
    beta: { kind: 'float', default: 1 },
    transA: { kind: 'int', default: 0 },
    transB: { kind: 'int', default: 0 },
  },
  inferTypes(ctx: InferenceContext) {
    const a = ctx.requireInput(0);
    const b = ctx.requireInput(1);
    if (a.shape.length !== 2 || b.shape.length !== 2) ctx.fail('A and B must be 2-D');
    const ta = ctx.attrs.int('transA') !== 0;
    const tb = ctx.attrs.int('transB') !== 0;
    const m = a.shape[ta ? 1 : 0] as Dim;
    const k1 = a.shape[ta ? 0 : 1];
    const k2 = b.shape[tb ? 1 : 0];
    const n = b.shape[tb ? 0 : 1] as Dim;
    if (!sameDim(k1, k2)) ctx.fail(`inner dims differ: A ${formatShape(a.shape)}, B ${formatShape(b.shape)}`);
    const c = ctx.inputType(2);
    if (c && !broadcastShapes(c.shape, [m, n])) ctx.fail(`C ${formatShape(c.shape)} does not broadcast to [${m},${n}]`);
    return [{ dtype: a.dtype, shape: [m, n] }];
  },
};
