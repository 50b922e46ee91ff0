import { describe, expect, it } from 'vitest';
import { coreOps, rangeCount, resolvePads, Tensor } from '../../src/index.js';
import { f, i64, infer, t } from '../support/singleNode.js';

const scalar = (dtype: 'float32' | 'int32' | 'int64', v: number) =>
  dtype === 'int64'
    ? Tensor.int64([], [v])
    : dtype === 'int32'
      ? new Tensor('int32', [], Int32Array.of(v))
      : Tensor.float32([], [v]);

describe('shape inference of the shape arithmetic and data movement ops', () => {
  it('Expand broadcasts both ways (a requested 1 keeps the input dim) and gives static dims from a constant shape', () => {
    expect(infer('Expand', [f(3, 1), i64(2, 1, 6)])[0]).toEqual(f(2, 3, 6));
    expect(infer('Expand', [f(3, 4), i64(1, 1)])[0]).toEqual(f(3, 4));
    expect(infer('Expand', [f('N', 1), i64(1, 5)])[0]).toEqual(f('N', 5));
    // A computed shape of known length: the rank is known, the dims are not.
    expect(infer('Expand', [f(3, 1), t('int64', 3)])[0]).toEqual(f('?', '?', '?'));
    expect(() => infer('Expand', [f(3, 2), i64(4)])).toThrow(/input \[3,2\] does not broadcast to \[4\]/);
    expect(() => infer('Expand', [f(3), t('int32', 1)])).toThrow(/shape must be a 1-D int64 tensor/);
  });

  it('Tile multiplies each dim by its repeat', () => {
    expect(infer('Tile', [f(2, 3), i64(3, 2)])[0]).toEqual(f(6, 6));
    expect(infer('Tile', [f('N', 3), i64(1, 0)])[0]).toEqual(f('N', 0));
    expect(infer('Tile', [f('N', 3), i64(2, 1)])[0]).toEqual(f('?', 3));
    expect(infer('Tile', [f(2, 3), t('int64', 2)])[0]).toEqual(f('?', '?'));
    expect(() => infer('Tile', [f(2, 3), i64(2)])).toThrow(/repeats has 1 entries, the input has rank 2/);
    expect(() => infer('Tile', [f(2, 3), i64(2, -1)])).toThrow(/negative entry/);
  });

  it('Range has ceil((limit - start) / delta) elements (at least 0) from constant bounds', () => {
    expect(infer('Range', [scalar('int64', 0), scalar('int64', 10), scalar('int64', 3)])[0]).toEqual(t('int64', 4));
    expect(infer('Range', [scalar('int32', 10), scalar('int32', 4), scalar('int32', -2)])[0]).toEqual(t('int32', 3));
    expect(infer('Range', [scalar('float32', 1), scalar('float32', 0), scalar('float32', 0.5)])[0]).toEqual(f(0));
    expect(infer('Range', [t('int64'), scalar('int64', 10), scalar('int64', 1)])[0]).toEqual(t('int64', '?'));
    expect(() => infer('Range', [scalar('int64', 0), scalar('int64', 3), scalar('int64', 0)])).toThrow(
      /delta must not be 0/,
    );
    expect(() => infer('Range', [scalar('int64', 0), scalar('int32', 3), scalar('int64', 1)])).toThrow(
      /input 1 is int32, input 0 is int64/,
    );
    expect(() => infer('Range', [t('int8'), t('int8'), t('int8')])).toThrow(/dtype int8 is not one of/);
  });

  it("rangeCount subtracts in the inputs' dtype before dividing, as onnxruntime does", () => {
    // 16777218 - 1 = 2^24 + 1 rounds to 2^24 in float32: one element less than in exact arithmetic.
    const one = Tensor.float32([], [1]);
    expect(rangeCount(one, Tensor.float32([], [16777218]), one)).toBe(16777216);
    // int64: (5 - -5) / 3 = 3.33, rounded up.
    expect(rangeCount(Tensor.int64([], [-5]), Tensor.int64([], [5]), Tensor.int64([], [3]))).toBe(4);
  });

  it('ConstantOfShape takes its dims from a constant input and its dtype from value (float32 by default)', () => {
    expect(infer('ConstantOfShape', [i64(2, 3)])[0]).toEqual(f(2, 3));
    expect(infer('ConstantOfShape', [i64(0)], { value: Tensor.int64([1], [7]) })[0]).toEqual(t('int64', 0));
    expect(infer('ConstantOfShape', [i64()])[0]).toEqual(f());
    expect(infer('ConstantOfShape', [t('int64', 2)])[0]).toEqual(f('?', '?'));
    expect(() => infer('ConstantOfShape', [i64(2)], { value: Tensor.float32([2], [1, 2]) })).toThrow(
      /value must hold one element/,
    );
    expect(() => infer('ConstantOfShape', [i64(2, -1)])).toThrow(/negative dim/);
  });

  it('Size is an int64 scalar', () => {
    expect(infer('Size', [f('N', 3)])[0]).toEqual(t('int64'));
  });

  it('ScatterND keeps the data type and checks the updates against data and indices', () => {
    expect(infer('ScatterND', [f(4, 4, 4), t('int64', 2, 1), f(2, 4, 4)])[0]).toEqual(f(4, 4, 4));
    expect(infer('ScatterND', [f(4, 4), t('int64', 3, 2), f(3)], { reduction: 'mul' })[0]).toEqual(f(4, 4));
    expect(() => infer('ScatterND', [f(4, 4), t('int64', 3, 2), f(3, 4)])).toThrow(
      /updates \[3,4\] must have shape \[3\]/,
    );
    expect(() => infer('ScatterND', [f(4), t('int64', 1, 2), f(1)])).toThrow(/indices address 2 dims/);
    expect(() => infer('ScatterND', [f(4), t('int32', 1, 1), f(1)])).toThrow(/indices must be int64/);
    expect(() => infer('ScatterND', [f(4), t('int64', 1, 1), f(1)], { reduction: 'sub' })).toThrow(
      /reduction 'sub' is not one of/,
    );
  });

  it("GatherElements has the indices' shape", () => {
    expect(infer('GatherElements', [f(3, 3), t('int64', 2, 3)], { axis: -1 })[0]).toEqual(f(2, 3));
    expect(() => infer('GatherElements', [f(3, 3), t('int64', 3)])).toThrow(/indices have rank 1, data has rank 2/);
    expect(() => infer('GatherElements', [f(3, 3), t('int64', 3, 3)], { axis: 2 })).toThrow(/axis 2 out of range/);
  });

  it('DepthToSpace and SpaceToDepth move blocks between channels and space', () => {
    expect(infer('DepthToSpace', [f(1, 8, 2, 3)], { blocksize: 2 })[0]).toEqual(f(1, 2, 4, 6));
    expect(infer('DepthToSpace', [f('N', 8, 'H', 3)], { blocksize: 2, mode: 'CRD' })[0]).toEqual(f('N', 2, '?', 6));
    expect(() => infer('DepthToSpace', [f(1, 6, 2, 2)], { blocksize: 2 })).toThrow(/channels 6 are not a multiple/);
    expect(() => infer('DepthToSpace', [f(1, 8, 2, 2)], { blocksize: 2, mode: 'RCD' })).toThrow(/mode 'RCD'/);
    expect(infer('SpaceToDepth', [f(1, 2, 4, 6)], { blocksize: 2 })[0]).toEqual(f(1, 8, 2, 3));
    expect(() => infer('SpaceToDepth', [f(1, 2, 5, 6)], { blocksize: 2 })).toThrow(/must be multiples of 2/);
    expect(() => infer('SpaceToDepth', [f(2, 4, 6)], { blocksize: 2 })).toThrow(/must be 4-D/);
  });

  it('Trilu keeps the type; k is an int64 scalar', () => {
    expect(infer('Trilu', [t('int32', 2, 3, 4), Tensor.int64([], [1])], { upper: 0 })[0]).toEqual(t('int32', 2, 3, 4));
    expect(() => infer('Trilu', [f(4)])).toThrow(/rank 2 or more/);
    expect(() => infer('Trilu', [f(4, 4), i64(1, 2)])).toThrow(/k must be an int64 scalar/);
  });

  it('Pad adds begin + end to each dim (negative pads crop), over all dims or the given axes', () => {
    expect(infer('Pad', [f(2, 3), i64(0, 1, 0, 2)])[0]).toEqual(f(2, 6));
    expect(infer('Pad', [f(2, 3), i64(1, -1, 1, 0), Tensor.float32([], [1.5])])[0]).toEqual(f(4, 2));
    expect(infer('Pad', [f(1, 3, 4, 4), i64(1, 2, 1, 2), null, i64(-2, -1)], { mode: 'reflect' })[0]).toEqual(
      f(1, 3, 6, 8),
    );
    expect(infer('Pad', [f('N', 3), i64(0, 1, 0, 1)], { mode: 'edge' })[0]).toEqual(f('N', 5));
    expect(infer('Pad', [f('N', 3), i64(1, 0, 0, 0)])[0]).toEqual(f('?', 3));
    expect(infer('Pad', [f(2, 3), t('int64', 4)])[0]).toEqual(f('?', '?'));
    expect(() => infer('Pad', [f(2, 3), i64(0, 1)])).toThrow(/pads has 2 entries, expected 4/);
    expect(() => infer('Pad', [f(2, 3), i64(0, -2, 0, -2)])).toThrow(/pads remove 4 elements of dim 1, which has 3/);
    expect(() => infer('Pad', [f(2, 3), i64(0, 0, 0, 0)], { mode: 'wrap' })).toThrow(/mode 'wrap' is not one of/);
    expect(() => infer('Pad', [f(2, 3), i64(0, 0, 0, 0), Tensor.int64([], [0])])).toThrow(
      /constant_value is int64, data is float32/,
    );
  });

  it('resolvePads places the amounts of each listed axis, negative axes counted from the end', () => {
    expect(resolvePads(3, [1, 2, 3, 4], [-1, 0])).toEqual({ begin: [2, 0, 1], end: [4, 0, 3] });
    expect(resolvePads(2, [1, 2, 3, 4], [0, -2])).toBe('axis 0 appears twice');
  });

  it('Dropout keeps the data type; its optional mask is bool', () => {
    expect(infer('Dropout', [f(2, 3)])).toEqual([f(2, 3)]);
    expect(infer('Dropout', [f(2, 3), Tensor.float32([], [0.1]), t('bool')], {}, 2)).toEqual([
      f(2, 3),
      t('bool', 2, 3),
    ]);
    expect(() => infer('Dropout', [t('int64', 2)])).toThrow(/data must be float32 or float64/);
    expect(() => infer('Dropout', [f(2), null, t('int64')])).toThrow(/training_mode must be a bool scalar/);
  });

  it('traits: data movement is passthrough, Pad value and Dropout ratio are parameters, ScatterND shares scales', () => {
    const traits = Object.fromEntries(coreOps.map((d) => [d.op, d.traits]));
    for (const op of ['Expand', 'Tile', 'GatherElements', 'DepthToSpace', 'SpaceToDepth', 'Trilu']) {
      expect(traits[op], op).toEqual({ quantRole: 'passthrough' });
    }
    expect(traits.Pad).toEqual({ quantRole: 'passthrough', parameterInputs: [2] });
    expect(traits.Dropout).toEqual({ quantRole: 'passthrough', parameterInputs: [1] });
    expect(traits.ScatterND).toEqual({ quantRole: 'passthrough', sharedInputScale: true });
    for (const op of ['Range', 'ConstantOfShape', 'Size']) expect(traits[op]?.quantRole, op).toBe('float');
  });
});
