import { type Attributes, manualSeed, randn, Tensor } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSingleOpMatchesOnnxruntime } from './support/onnxruntimeReference.js';
import { type OpArg, singleOpGraph } from './support/singleOpGraph.js';

// The reductions and selection ops against onnxruntime running the same single-op model (exported
// by @qtk/onnx): floats to 1e-5 relative to max(|reference|, 1), integers and indices exactly.
const RTOL = 1e-5;

async function expectSameAsOnnxruntime(
  what: string,
  op: string,
  args: OpArg[],
  attrs: Attributes = {},
  outputs = 1,
  opset?: number,
): Promise<void> {
  await expectSingleOpMatchesOnnxruntime({
    what,
    op,
    args,
    attrs,
    outputs,
    ...(opset === undefined ? {} : { opset }),
    rtol: RTOL,
  });
}

const c = (t: Tensor): OpArg => ({ constant: t });
const i64 = (...values: number[]) => Tensor.int64([values.length], values);
/** Values from a handful of levels, so that ties are common (as in quantized data). */
const levels = (shape: number[], values: readonly number[]) => Tensor.float32(shape, values);

describe('reductions against onnxruntime', () => {
  const cases: [string, string, () => OpArg[], Attributes?, number?][] = [
    ['ReduceMax axes [1,3]', 'ReduceMax', () => [randn(2, 3, 4, 5)], { axes: [1, 3] }],
    ['ReduceMin axis -1 no keepdims', 'ReduceMin', () => [randn(2, 3, 4)], { axes: [-1], keepdims: 0 }],
    ['ReduceSum all', 'ReduceSum', () => [randn(3, 4, 5)]],
    ['ReduceSum axes input [0,2]', 'ReduceSum', () => [randn(3, 4, 5), i64(0, 2)], { keepdims: 0 }],
    ['ReduceSum computed empty axes, noop', 'ReduceSum', () => [randn(3, 4), i64()], { noop_with_empty_axes: 1 }],
    [
      'ReduceSum int32',
      'ReduceSum',
      () => [
        new Tensor(
          'int32',
          [4, 5],
          Int32Array.from({ length: 20 }, (_, i) => (i * 7919) % 1000),
        ),
      ],
      { axes: [0] },
    ],
    ['ReduceMax int64', 'ReduceMax', () => [i64(5, -3, 9, 9, 0, -7)], { keepdims: 0 }],
    ['GlobalMaxPool', 'GlobalMaxPool', () => [randn(2, 3, 7, 5)]],
    ['CumSum axis 1 exclusive reverse', 'CumSum', () => [randn(3, 4, 5), c(i64(1))], { exclusive: 1, reverse: 1 }],
    ['CumSum int64 axis -1', 'CumSum', () => [i64(1, 1, 0, 1, 0, 0), c(i64(-1))]],
  ];
  cases.forEach(([name, op, args, attrs], index) => {
    it(name, async () => {
      manualSeed(2000 + index);
      // ReduceMax/Min take axes as an input from opset 18 (written as one then).
      await expectSameAsOnnxruntime(name, op, args(), attrs, 1, op === 'ReduceSum' ? 17 : 18);
    });
  });
});

describe('Einsum against onnxruntime', () => {
  const equations: [string, number[][]][] = [
    [
      'ij,jk->ik',
      [
        [3, 4],
        [4, 5],
      ],
    ],
    [
      'bij,bjk->bik',
      [
        [2, 3, 4],
        [2, 4, 5],
      ],
    ],
    [
      'bhqd,bhkd->bhqk',
      [
        [2, 3, 5, 4],
        [2, 3, 6, 4],
      ],
    ],
    ['...ii->...i', [[3, 4, 4]]],
    ['ii', [[5, 5]]],
    ['ij->j', [[3, 4]]],
    ['i,j->ij', [[3], [4]]],
    [
      'ijk,jk->i',
      [
        [2, 3, 4],
        [3, 4],
      ],
    ],
    [
      'ij,jk,kl->il',
      [
        [2, 3],
        [3, 4],
        [4, 5],
      ],
    ],
    [
      'bn,anm,bm->ba',
      [
        [2, 3],
        [4, 3, 5],
        [2, 5],
      ],
    ],
    ['...j,j', [[2, 3, 4], [4]]],
    ['iij->ji', [[3, 3, 2]]],
  ];
  equations.forEach(([equation, shapes], index) => {
    it(equation, async () => {
      manualSeed(3000 + index);
      await expectSameAsOnnxruntime(
        equation,
        'Einsum',
        shapes.map((s) => randn(...s)),
        { equation },
      );
    });
  });
});

describe('selection with ties, property-based against onnxruntime', () => {
  /** A float tensor of rank 1 to 3 over a few levels, and an axis of it. */
  const tiedTensor = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      values: fc.array(fc.constantFrom(-1.5, 0, 0.25, 2), {
        minLength: shape.reduce((a, b) => a * b, 1),
        maxLength: shape.reduce((a, b) => a * b, 1),
      }),
      axis: fc.integer({ min: -shape.length, max: shape.length - 1 }),
    }),
  );

  it('ArgMax and ArgMin pick the first (or, with select_last_index, the last) of equal values', async () => {
    await fc.assert(
      fc.asyncProperty(
        tiedTensor,
        fc.constantFrom('ArgMax', 'ArgMin'),
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 0, max: 1 }),
        async ({ shape, values, axis }, op, last, keepdims) => {
          await expectSameAsOnnxruntime(op, op, [levels(shape, values)], { axis, select_last_index: last, keepdims });
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });

  it('TopK orders equal values lower index first, largest or smallest', async () => {
    await fc.assert(
      fc.asyncProperty(
        tiedTensor.chain((t) =>
          fc.record({ t: fc.constant(t), k: fc.integer({ min: 0, max: t.shape.at(t.axis) as number }) }),
        ),
        fc.integer({ min: 0, max: 1 }),
        async ({ t, k }, largest) => {
          await expectSameAsOnnxruntime(
            'TopK',
            'TopK',
            [levels(t.shape, t.values), c(i64(k))],
            { axis: t.axis, largest },
            2,
          );
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});

describe('a TopK with an unknown K', () => {
  it('reads K when it runs', async () => {
    const x = Tensor.float32([2, 5], [5, 1, 4, 1, 3, 0, 2, 2, 9, 2]);
    await expectSameAsOnnxruntime('TopK computed K', 'TopK', [x, i64(2)], { largest: 0 }, 2);
    const { graph } = singleOpGraph('TopK', [x, i64(2)], {}, 2);
    expect(graph.outputs[0]?.type.shape).toEqual([2, '?']);
  });
});
