import { Tensor } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOp, runOp1 } from '../support/singleOpGraph.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);
const i64 = (...values: (number | bigint)[]) => ({ constant: Tensor.int64([values.length], values) });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('Expand', () => {
  it('broadcasts both ways: [3,1] to [2,1,6] gives [2,3,6]', () => {
    const y = runOp1('Expand', [f32([3, 1], [1, 2, 3]), i64(2, 1, 6)]);
    expect(y.shape).toEqual([2, 3, 6]);
    const row = (v: number) => new Array(6).fill(v);
    expect(y.toNumbers()).toEqual([...row(1), ...row(2), ...row(3), ...row(1), ...row(2), ...row(3)]);
    // A requested 1 keeps the input's dim.
    expect(runOp1('Expand', [f32([2, 2], [1, 2, 3, 4]), i64(1, 1)]).toNumbers()).toEqual([1, 2, 3, 4]);
  });

  it('moves int64 (exactly, beyond 2^53), int8 and bool', () => {
    const big = 2n ** 62n + 1n;
    const y = runOp1('Expand', [Tensor.int64([1], [big]), i64(3)]);
    expect([...(y.data as BigInt64Array)]).toEqual([big, big, big]);
    expect(runOp1('Expand', [new Tensor('int8', [2, 1], Int8Array.of(-128, 127)), i64(2, 2)]).toNumbers()).toEqual([
      -128, -128, 127, 127,
    ]);
    const b = runOp1('Expand', [new Tensor('bool', [2], Uint8Array.of(1, 0)), i64(2, 2)]);
    expect([b.dtype, ...b.toNumbers()]).toEqual(['bool', 1, 0, 1, 0]);
  });

  it('refuses shapes that do not broadcast, naming the node', () => {
    expect(() => runOp1('Expand', [f32([3], [1, 2, 3]), { constant: Tensor.int64([1], [4]) }])).toThrow(
      /node 'node' \(Expand\): input \[3\] does not broadcast to \[4\]/,
    );
  });
});

describe('Tile', () => {
  it('repeats each dim: [[1,2],[3,4]] by [2,3]', () => {
    const y = runOp1('Tile', [f32([2, 2], [1, 2, 3, 4]), i64(2, 3)]);
    expect(y.shape).toEqual([4, 6]);
    expect(y.toNumbers()).toEqual([1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4]);
  });

  it('int16 and bool, a repeat of 0, and a wrong number of repeats', () => {
    const y = runOp1('Tile', [new Tensor('int16', [2], Int16Array.of(-32768, 7)), i64(2)]);
    expect([y.dtype, ...y.toNumbers()]).toEqual(['int16', -32768, 7, -32768, 7]);
    expect(runOp1('Tile', [new Tensor('bool', [1, 2], Uint8Array.of(0, 1)), i64(0, 1)]).shape).toEqual([0, 2]);
    expect(() => runOp1('Tile', [f32([2], [1, 2]), i64(1, 1)])).toThrow(/repeats has 2 entries, the input has rank 1/);
  });

  it('equals Expand of the input laid out [1, d0, 1, d1] and reshaped (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (d0, d1, r0, r1) => {
          const x = f32([d0, d1], range(d0 * d1));
          const tiled = runOp1('Tile', [x, i64(r0, r1)]);
          const expanded = runOp1('Expand', [x.reshape([1, d0, 1, d1]), i64(r0, d0, r1, d1)]);
          expect(tiled.toNumbers()).toEqual(expanded.toNumbers());
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('Range', () => {
  const scalar = (dtype: 'float32' | 'float64' | 'int16' | 'int32' | 'int64', v: number) =>
    dtype === 'int64'
      ? Tensor.int64([], [v])
      : new Tensor(
          dtype,
          [],
          ({ float32: Float32Array, float64: Float64Array, int16: Int16Array, int32: Int32Array } as const)[dtype].of(
            v,
          ),
        );

  it('counts up and down in every dtype it takes', () => {
    const cases = [
      ['int64', 0, 5, 1, [0, 1, 2, 3, 4]],
      ['int32', 10, 4, -2, [10, 8, 6]],
      ['int16', -3, 3, 4, [-3, 1]],
      ['float32', 1, 2, 0.25, [1, 1.25, 1.5, 1.75]],
      ['float64', 0, 0.35, 0.1, [0, 0.1, 0.2, 0.30000000000000004]],
      ['int64', 5, 1, 1, []],
    ] as const;
    for (const [dtype, start, limit, delta, expected] of cases) {
      const y = runOp1('Range', [scalar(dtype, start), scalar(dtype, limit), scalar(dtype, delta)]);
      expect([y.dtype, ...y.toNumbers()], `${dtype} ${start}:${limit}:${delta}`).toEqual([dtype, ...expected]);
    }
  });

  it('accumulates in float32 (v += delta rounded each step), as onnxruntime', () => {
    // 0.1f added to itself: 0.1f, 0.2f, then 0.2f + 0.1f rounds to 0.3000000119 (fround(0.3) is 0.3000000119 too).
    const y = runOp1('Range', [scalar('float32', 0), scalar('float32', 0.35), scalar('float32', 0.1)]);
    const tenth = Math.fround(0.1);
    const second = Math.fround(tenth + tenth);
    expect(y.toNumbers()).toEqual([0, tenth, second, Math.fround(second + tenth)]);
  });

  it('refuses a zero delta and bounds that are not scalars', () => {
    expect(() => runOp1('Range', [scalar('int64', 0), scalar('int64', 1), scalar('int64', 0)])).toThrow(
      /delta must not be 0/,
    );
    expect(() => runOp1('Range', [Tensor.int64([2], [0, 1]), scalar('int64', 1), scalar('int64', 1)])).toThrow(
      /input 0 must be a scalar/,
    );
  });
});

describe('ConstantOfShape and Size', () => {
  it('fills with value (float32 0 by default), zero-size shapes and scalars included', () => {
    const zero = runOp1('ConstantOfShape', [i64(2, 2)]);
    expect([zero.dtype, ...zero.shape, ...zero.toNumbers()]).toEqual(['float32', 2, 2, 0, 0, 0, 0]);
    const big = 2n ** 60n + 3n;
    const y = runOp1('ConstantOfShape', [i64(3)], { value: Tensor.int64([1], [big]) });
    expect([...(y.data as BigInt64Array)]).toEqual([big, big, big]);
    const b = runOp1('ConstantOfShape', [i64(2)], { value: new Tensor('bool', [1], Uint8Array.of(1)) });
    expect([b.dtype, ...b.toNumbers()]).toEqual(['bool', 1, 1]);
    expect(runOp1('ConstantOfShape', [i64(0, 3)], { value: Tensor.float32([1], [5]) }).shape).toEqual([0, 3]);
    const s = runOp1('ConstantOfShape', [{ constant: Tensor.int64([0], []) }], { value: Tensor.float32([1], [5]) });
    expect([s.shape, s.toNumbers()]).toEqual([[], [5]]);
  });

  it('Size is the number of elements as an int64 scalar', () => {
    const s = runOp1('Size', [f32([2, 3], range(6))]);
    expect([s.dtype, s.shape, s.toNumbers()]).toEqual(['int64', [], [6]]);
    expect(runOp1('Size', [Tensor.zeros('bool', [4, 0])]).toNumbers()).toEqual([0]);
  });
});

describe('ScatterND', () => {
  // data[4,4]: rows of 1s, 2s, 3s, 4s; indices [[0],[2]] replace rows 0 and 2.
  const data = f32([4, 4], [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]);
  const indices = { constant: Tensor.int64([2, 1], [0, 2]) };
  const updates = f32([2, 4], [5, 6, 7, 8, -1, -2, -3, -4]);

  it('replaces, adds, multiplies, takes the max or the min of the addressed slices', () => {
    const rows = (r0: number[], r2: number[]) => [...r0, 2, 2, 2, 2, ...r2, 4, 4, 4, 4];
    const expected = {
      none: rows([5, 6, 7, 8], [-1, -2, -3, -4]),
      add: rows([6, 7, 8, 9], [2, 1, 0, -1]),
      mul: rows([5, 6, 7, 8], [-3, -6, -9, -12]),
      max: rows([5, 6, 7, 8], [3, 3, 3, 3]),
      min: rows([1, 1, 1, 1], [-1, -2, -3, -4]),
    };
    for (const [reduction, values] of Object.entries(expected)) {
      expect(runOp1('ScatterND', [data, indices, updates], { reduction }).toNumbers(), reduction).toEqual(values);
    }
  });

  it('addresses single entries with full index tuples, negative ones from the end; int64 and int32', () => {
    const x = Tensor.int64([2, 3], [0, 0, 0, 0, 0, 0]);
    const idx = { constant: Tensor.int64([2, 2], [0, -1, 1, 0]) };
    const y = runOp1('ScatterND', [x, idx, Tensor.int64([2], [2n ** 62n, -7])]);
    expect([...(y.data as BigInt64Array)]).toEqual([0n, 0n, 2n ** 62n, -7n, 0n, 0n]);
    // int32 products wrap as C's do: 65536 * 65536 = 2^32 -> 0.
    const z = runOp1(
      'ScatterND',
      [
        new Tensor('int32', [1], Int32Array.of(65536)),
        { constant: Tensor.int64([1, 1], [0]) },
        new Tensor('int32', [1], Int32Array.of(65536)),
      ],
      { reduction: 'mul' },
    );
    expect(z.toNumbers()).toEqual([0]);
  });

  it('applies repeated indices in order, and refuses indices out of range and mismatched updates', () => {
    const twice = { constant: Tensor.int64([2, 1], [1, 1]) };
    const y = runOp1('ScatterND', [f32([2], [0, 0]), twice, f32([2], [3, 4])], { reduction: 'add' });
    expect(y.toNumbers()).toEqual([0, 7]);
    expect(() =>
      runOp1('ScatterND', [f32([2], [0, 0]), { constant: Tensor.int64([1, 1], [2]) }, f32([1], [1])]),
    ).toThrow(/index 2 is out of range for dim 0 of size 2/);
    expect(() => runOp1('ScatterND', [data, indices, f32([2, 3], range(6))])).toThrow(
      /updates \[2,3\] must have shape \[2,4\]/,
    );
  });
});

describe('GatherElements', () => {
  it("takes data[indices[i][j]][j] on axis 0 and data[i][indices[i][j]] on axis 1 (ONNX's examples)", () => {
    const data = f32([2, 2], [1, 2, 3, 4]);
    const y = runOp1('GatherElements', [data, { constant: Tensor.int64([2, 2], [0, 0, 1, 0]) }], { axis: 1 });
    expect(y.toNumbers()).toEqual([1, 1, 4, 3]);
    const d3 = f32(
      [3, 3],
      range(9).map((v) => v + 1),
    );
    const z = runOp1('GatherElements', [d3, { constant: Tensor.int64([2, 3], [1, 2, 0, 2, 0, 0]) }]);
    expect(z.toNumbers()).toEqual([4, 8, 3, 7, 2, 3]);
  });

  it('negative indices count from the end; int8 data; an index out of range names the node', () => {
    const data = new Tensor('int8', [3], Int8Array.of(-5, 6, 7));
    const y = runOp1('GatherElements', [data, { constant: Tensor.int64([4], [-1, -3, 0, 1]) }]);
    expect([y.dtype, ...y.toNumbers()]).toEqual(['int8', 7, -5, -5, 6]);
    expect(() => runOp1('GatherElements', [data, { constant: Tensor.int64([1], [3]) }])).toThrow(
      /node 'node' \(GatherElements\): index 3 is out of range for axis 0 of size 3/,
    );
  });
});

describe('DepthToSpace and SpaceToDepth', () => {
  // x[0, c, 0, 0] = c for 8 channels, blocksize 2: 2 output channels of 2x2 blocks.
  const channels = f32([1, 8, 1, 1], range(8));

  it("DCR takes the block offset from the outer channel digits, CRD from the inner ones (ONNX's definitions)", () => {
    // DCR: channel = (row * 2 + col) * 2 + c'. Out[c'][row][col] = x[(row * 2 + col) * 2 + c'].
    expect(runOp1('DepthToSpace', [channels], { blocksize: 2 }).toNumbers()).toEqual([0, 2, 4, 6, 1, 3, 5, 7]);
    // CRD: channel = c' * 4 + row * 2 + col.
    expect(runOp1('DepthToSpace', [channels], { blocksize: 2, mode: 'CRD' }).toNumbers()).toEqual(range(8));
  });

  it('SpaceToDepth: channel (row * b + col) * C + c holds pixel (h b + row, w b + col) of channel c', () => {
    // One channel 2x4 = [[0,1,2,3],[4,5,6,7]], blocksize 2: 4 channels of 1x2.
    const y = runOp1('SpaceToDepth', [f32([1, 1, 2, 4], range(8))], { blocksize: 2 });
    expect(y.shape).toEqual([1, 4, 1, 2]);
    expect(y.toNumbers()).toEqual([0, 2, 1, 3, 4, 6, 5, 7]);
  });

  it('SpaceToDepth undoes DepthToSpace in DCR mode, for int16 too (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (b, c, h, w) => {
          const n = 2 * c * b * b * h * w;
          const x = new Tensor('int16', [2, c * b * b, h, w], Int16Array.from(range(n)));
          const y = runOp1('DepthToSpace', [x], { blocksize: b });
          expect(y.shape).toEqual([2, c, h * b, w * b]);
          expect(runOp1('SpaceToDepth', [y], { blocksize: b }).toNumbers()).toEqual(x.toNumbers());
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('Trilu', () => {
  const x = f32(
    [3, 4],
    range(12).map((v) => v + 1),
  );

  it('keeps the upper triangle from diagonal k, or the lower one up to it', () => {
    expect(runOp1('Trilu', [x]).toNumbers()).toEqual([1, 2, 3, 4, 0, 6, 7, 8, 0, 0, 11, 12]);
    expect(runOp1('Trilu', [x, { constant: Tensor.int64([], [1]) }]).toNumbers()).toEqual([
      0, 2, 3, 4, 0, 0, 7, 8, 0, 0, 0, 12,
    ]);
    expect(runOp1('Trilu', [x, { constant: Tensor.int64([], [-1]) }], { upper: 0 }).toNumbers()).toEqual([
      0, 0, 0, 0, 5, 0, 0, 0, 9, 10, 0, 0,
    ]);
    // k past the matrix: everything, or nothing.
    expect(runOp1('Trilu', [x, { constant: Tensor.int64([], [-7]) }]).toNumbers()).toEqual(x.toNumbers());
    expect(runOp1('Trilu', [x, { constant: Tensor.int64([], [9]) }]).toNumbers()).toEqual(new Array(12).fill(0));
  });

  it('works on batches of matrices and on bool (false where zeroed)', () => {
    const b = runOp1('Trilu', [new Tensor('bool', [2, 2, 2], Uint8Array.of(1, 1, 1, 1, 1, 1, 1, 1))], { upper: 0 });
    expect([b.dtype, ...b.toNumbers()]).toEqual(['bool', 1, 0, 1, 1, 1, 0, 1, 1]);
  });

  it('upper from k plus lower to k - 1 is the whole matrix (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: -6, max: 6 }),
        (r, c, k) => {
          const m = f32(
            [r, c],
            range(r * c).map((v) => v + 1),
          );
          const up = runOp1('Trilu', [m, { constant: Tensor.int64([], [k]) }]).toNumbers();
          const low = runOp1('Trilu', [m, { constant: Tensor.int64([], [k - 1]) }], { upper: 0 }).toNumbers();
          expect(up.map((v, i) => v + (low[i] as number))).toEqual(m.toNumbers());
          expect(up.every((v, i) => v === 0 || low[i] === 0)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('Pad', () => {
  const x = f32([2, 3], [1, 2, 3, 4, 5, 6]);

  it('constant (0 by default, or the value), reflect and edge', () => {
    const pads = i64(0, 2, 0, 1);
    expect(runOp1('Pad', [x, pads]).toNumbers()).toEqual([0, 0, 1, 2, 3, 0, 0, 0, 4, 5, 6, 0]);
    expect(runOp1('Pad', [x, pads, { constant: Tensor.float32([], [-1.5]) }]).toNumbers()).toEqual([
      -1.5, -1.5, 1, 2, 3, -1.5, -1.5, -1.5, 4, 5, 6, -1.5,
    ]);
    expect(runOp1('Pad', [x, pads], { mode: 'reflect' }).toNumbers()).toEqual([3, 2, 1, 2, 3, 2, 6, 5, 4, 5, 6, 5]);
    expect(runOp1('Pad', [x, pads], { mode: 'edge' }).toNumbers()).toEqual([1, 1, 1, 2, 3, 3, 4, 4, 4, 5, 6, 6]);
  });

  it('pads the outer dims too, over the given axes only, and crops with negative pads', () => {
    // One row before (edge): [[1,2,3],[1,2,3],[4,5,6]].
    expect(runOp1('Pad', [x, i64(1, 0, 0, 0)], { mode: 'edge' }).toNumbers()).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6]);
    // axes [-1]: one column after.
    const y = runOp1('Pad', [x, i64(0, 1), { constant: Tensor.float32([], [9]) }, i64(-1)]);
    expect([y.shape, y.toNumbers()]).toEqual([
      [2, 4],
      [1, 2, 3, 9, 4, 5, 6, 9],
    ]);
    // Crop the first column, pad one after: the reflection is of what is left ([2,3] -> [2,3,2]).
    expect(runOp1('Pad', [x, i64(0, -1, 0, 1)], { mode: 'reflect' }).toNumbers()).toEqual([2, 3, 2, 5, 6, 5]);
  });

  it('int64 beyond 2^53, int8 and bool keep their values', () => {
    const big = 2n ** 62n + 1n;
    const y = runOp1('Pad', [Tensor.int64([1], [big]), i64(1, 1), { constant: Tensor.int64([], [-1]) }]);
    expect([...(y.data as BigInt64Array)]).toEqual([-1n, big, -1n]);
    const q = runOp1('Pad', [new Tensor('int8', [2], Int8Array.of(-128, 127)), i64(2, 1)], { mode: 'edge' });
    expect([q.dtype, ...q.toNumbers()]).toEqual(['int8', -128, -128, -128, 127, 127]);
    const b = runOp1('Pad', [new Tensor('bool', [1], Uint8Array.of(1)), i64(1, 1)], { mode: 'edge' });
    expect([b.dtype, ...b.toNumbers()]).toEqual(['bool', 1, 1, 1]);
  });

  it('refuses reflection past the edge and padding an empty dim by its edge', () => {
    expect(() => runOp1('Pad', [x, i64(0, 3, 0, 0)], { mode: 'reflect' })).toThrow(
      /node 'node' \(Pad\): reflect mode pads dim 1 by 3, more than its size 3 minus 1/,
    );
    expect(() => runOp1('Pad', [Tensor.zeros('float32', [0]), i64(1, 0)], { mode: 'edge' })).toThrow(
      /edge mode cannot pad dim 0, which is empty/,
    );
  });

  it('constant padding then slicing it off gives the input back (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
        (dims, amounts) => {
          const rank = dims.length;
          const n = dims.reduce((a, b) => a * b, 1);
          const t = f32(
            dims,
            range(n).map((v) => v + 1),
          );
          const begin = amounts.slice(0, rank);
          const end = amounts.slice(3, 3 + rank);
          const y = runOp1('Pad', [t, i64(...begin, ...end)]);
          expect(y.shape).toEqual(dims.map((d, i) => d + (begin[i] as number) + (end[i] as number)));
          const back = runOp1('Slice', [y, i64(...begin), i64(...dims.map((d, i) => d + (begin[i] as number)))]);
          expect(back.toNumbers()).toEqual(t.toNumbers());
          // Only the input's values and the zeros of the padding.
          expect(y.toNumbers().filter((v) => v !== 0).length).toBe(n);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('Dropout', () => {
  const x = f32(
    [2, 5],
    range(10).map((v) => v + 1),
  );

  it('is the identity in inference, with a mask of all true', () => {
    const [y, mask] = runOp('Dropout', [x, { constant: Tensor.float32([], [0.7]) }], {}, 2);
    expect(y?.toNumbers()).toEqual(x.toNumbers());
    expect([mask?.dtype, ...(mask?.toNumbers() ?? [])]).toEqual(['bool', ...new Array(10).fill(1)]);
    const off = { constant: new Tensor('bool', [], Uint8Array.of(0)) };
    expect(runOp1('Dropout', [x, { constant: Tensor.float32([], [0.7]) }, off]).toNumbers()).toEqual(x.toNumbers());
    // Training with ratio 0 keeps everything too.
    const on = { constant: new Tensor('bool', [], Uint8Array.of(1)) };
    expect(runOp1('Dropout', [x, { constant: Tensor.float32([], [0]) }, on]).toNumbers()).toEqual(x.toNumbers());
  });

  it("in training draws NumPy's legacy uniforms from the seed (values from NumPy itself)", () => {
    // np.random.seed(3); u = np.random.uniform(0, 1, (2, 5)); r = np.float32(0.4)
    // mask = u >= r -> [[1,1,0,1,1],[1,0,0,0,1]]; y = mask * x * (1 / (1 - r)) in float32.
    const on = { constant: new Tensor('bool', [], Uint8Array.of(1)) };
    const [y, mask] = runOp('Dropout', [x, { constant: Tensor.float32([], [0.4]) }, on], { seed: 3 }, 2);
    expect(mask?.toNumbers()).toEqual([1, 1, 0, 1, 1, 1, 0, 0, 0, 1]);
    expect(y?.toNumbers()).toEqual([
      1.6666666269302368, 3.3333332538604736, 0, 6.666666507720947, 8.333333015441895, 10, 0, 0, 0, 16.66666603088379,
    ]);
  });

  it('seeds 0 when no seed is set (np.random.seed(0) draws 0.5488, 0.7152, 0.6028: ratio 0.6 keeps the 2nd and 3rd)', () => {
    const on = { constant: new Tensor('bool', [], Uint8Array.of(1)) };
    const [, mask] = runOp('Dropout', [f32([3], [1, 1, 1]), { constant: Tensor.float32([], [0.6]) }, on], {}, 2);
    expect(mask?.toNumbers()).toEqual([0, 1, 1]);
    // The same seed gives the same draws, run after run.
    const again = runOp('Dropout', [f32([3], [1, 1, 1]), { constant: Tensor.float32([], [0.6]) }, on], {}, 2);
    expect(again[1]?.toNumbers()).toEqual([0, 1, 1]);
  });

  it('refuses a training ratio of 1 or more', () => {
    const on = { constant: new Tensor('bool', [], Uint8Array.of(1)) };
    expect(() => runOp1('Dropout', [x, { constant: Tensor.float32([], [1]) }, on])).toThrow(
      /ratio must be in \[0, 1\) in training mode, got 1/,
    );
  });
});
