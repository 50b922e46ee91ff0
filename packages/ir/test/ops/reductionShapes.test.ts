import { describe, expect, it } from 'vitest';
import { type AttributeValue, type EinsumEquation, Graph, parseEinsum, type Shape, Tensor } from '../../src/index.js';

/** The output shapes (and dtypes) of one node over inputs of the given types, constants where a tensor is given. */
function outputsOf(
  op: string,
  args: (Shape | Tensor | { dtype: 'int64' | 'int32' | 'float32' | 'bool'; shape: Shape })[],
  attrs: Record<string, AttributeValue> = {},
  outputs = 1,
) {
  const g = new Graph('g');
  const inputs = args.map((a, i) => {
    if (a instanceof Tensor) return g.addConstant(`c${i}`, a);
    const type = Array.isArray(a)
      ? { dtype: 'float32' as const, shape: a as Shape }
      : (a as { dtype: 'float32'; shape: Shape });
    return g.addInput(`i${i}`, type);
  });
  return g.addNode({ op, name: 'n', inputs, attrs, outputs }).outputs.map((v) => v.type);
}

const shapeOf = (...args: Parameters<typeof outputsOf>) => outputsOf(...args).map((t) => t.shape);
const axes = (...v: number[]) => Tensor.int64([v.length], v);

describe('reductions', () => {
  it('ReduceMax, ReduceMin and ReduceSum reduce the axes attribute, all axes without it', () => {
    expect(shapeOf('ReduceMax', [[2, 3, 4]], { axes: [1] })).toEqual([[2, 1, 4]]);
    expect(shapeOf('ReduceMin', [[2, 3, 4]], { axes: [-1, 0], keepdims: 0 })).toEqual([[3]]);
    expect(shapeOf('ReduceSum', [['N', 3, 4]], { keepdims: 0 })).toEqual([[]]);
    expect(shapeOf('ReduceSum', [['N', 3, 4]])).toEqual([[1, 1, 1]]);
  });

  it('constant axes inputs act as the attribute; noop_with_empty_axes makes empty axes the identity', () => {
    expect(shapeOf('ReduceSum', [[2, 3, 4], axes(2)], { keepdims: 0 })).toEqual([[2, 3]]);
    expect(shapeOf('ReduceSum', [[2, 3, 4], axes()])).toEqual([[1, 1, 1]]);
    expect(shapeOf('ReduceSum', [[2, 3, 4], axes()], { noop_with_empty_axes: 1 })).toEqual([[2, 3, 4]]);
    expect(shapeOf('ReduceMax', [[2, 3, 4]], { noop_with_empty_axes: 1 })).toEqual([[2, 3, 4]]);
  });

  it('computed axes give the rank (from keepdims or the number of axes) and unknown dims', () => {
    const computed = { dtype: 'int64' as const, shape: [2] };
    expect(shapeOf('ReduceSum', [[2, 3, 4], computed])).toEqual([['?', '?', '?']]);
    expect(shapeOf('ReduceMin', [[2, 3, 4], computed], { keepdims: 0 })).toEqual([['?']]);
    expect(() => shapeOf('ReduceMin', [[2, 3, 4], { dtype: 'int64', shape: ['A'] }], { keepdims: 0 })).toThrow(
      /axes must be a constant, or a 1-D tensor of known non-zero length when keepdims is 0/,
    );
  });

  it('errors name what was expected', () => {
    expect(() => shapeOf('ReduceMax', [[2, 3]], { axes: [2] })).toThrow(/node 'n'.*axes \[2\] out of range for rank 2/);
    expect(() => shapeOf('ReduceSum', [{ dtype: 'bool', shape: [2] }])).toThrow(/input dtype bool is not one of/);
    expect(() => shapeOf('ReduceSum', [[2, 3], axes(0)], { axes: [0] })).toThrow(
      /both as an attribute and as an input/,
    );
    expect(() => shapeOf('ReduceSum', [[2, 3], { dtype: 'int32', shape: [1] }])).toThrow(
      /axes must be int64, got int32/,
    );
  });

  it('GlobalMaxPool keeps N and C and makes the spatial dims 1', () => {
    expect(shapeOf('GlobalMaxPool', [['N', 8, 5, 7]])).toEqual([['N', 8, 1, 1]]);
    expect(() => shapeOf('GlobalMaxPool', [[8, 5]])).toThrow(/N x C x spatial/);
  });
});

describe('ArgMax, ArgMin, TopK, CumSum', () => {
  it('ArgMax and ArgMin give int64 indices with the axis kept as 1 or dropped', () => {
    expect(outputsOf('ArgMax', [[2, 3, 4]])).toEqual([{ dtype: 'int64', shape: [1, 3, 4] }]);
    expect(outputsOf('ArgMin', [[2, 3, 4]], { axis: -1, keepdims: 0 })).toEqual([{ dtype: 'int64', shape: [2, 3] }]);
    expect(() => shapeOf('ArgMax', [[2, 3]], { axis: 2 })).toThrow(/axis 2 out of range for rank 2/);
    expect(() => shapeOf('ArgMax', [[2, 0]], { axis: 1 })).toThrow(/axis 1 has size 0/);
  });

  it('TopK: values and int64 indices, K along the axis when it is a constant', () => {
    expect(outputsOf('TopK', [[2, 5], axes(3)], {}, 2)).toEqual([
      { dtype: 'float32', shape: [2, 3] },
      { dtype: 'int64', shape: [2, 3] },
    ]);
    expect(shapeOf('TopK', [[2, 5], { dtype: 'int64', shape: [1] }], { axis: 0 }, 2)).toEqual([
      ['?', 5],
      ['?', 5],
    ]);
    expect(() => shapeOf('TopK', [[2, 5], axes(6)], {}, 2)).toThrow(/K 6 exceeds dim 1 of size 5/);
    expect(() => shapeOf('TopK', [[2, 5], axes(1, 2)], {}, 2)).toThrow(/K must be an int64 tensor of shape \[1\]/);
  });

  it('CumSum keeps its input type; the axis is a scalar in range', () => {
    const axis = new Tensor('int32', [], Int32Array.of(-1));
    expect(outputsOf('CumSum', [[2, 3], axis])).toEqual([{ dtype: 'float32', shape: [2, 3] }]);
    expect(() => shapeOf('CumSum', [[2, 3], axes(2)])).toThrow(/axis 2 out of range for rank 2/);
    expect(() => shapeOf('CumSum', [[2, 3], axes(0, 1)])).toThrow(/axis must be an int32 or int64 scalar/);
  });
});

describe('Einsum equations', () => {
  const parsed = (eq: string, ...ranks: number[]) => parseEinsum(eq, ranks) as EinsumEquation;

  it('explicit outputs, spaces ignored', () => {
    expect(parsed('ij, jk -> ik', 2, 2)).toEqual({
      inputs: [
        ['i', 'j'],
        ['j', 'k'],
      ],
      output: ['i', 'k'],
    });
    expect(parsed('ii->i', 2)).toEqual({ inputs: [['i', 'i']], output: ['i'] });
    expect(parsed('ij->', 2).output).toEqual([]);
  });

  it('implicit outputs: the labels that appear once, in character order (A-Z before a-z, as NumPy)', () => {
    expect(parsed('ij,jk', 2, 2).output).toEqual(['i', 'k']);
    expect(parsed('ba', 2).output).toEqual(['a', 'b']);
    expect(parsed('bA,cb', 2, 2).output).toEqual(['A', 'c']);
    expect(parsed('i,i', 1, 1).output).toEqual([]);
    expect(parsed('ii', 2).output).toEqual([]);
  });

  it('an ellipsis stands for the leading dims, right-aligned across operands; implicit outputs start with them', () => {
    expect(parsed('...ij,...jk->...ik', 4, 3)).toEqual({
      inputs: [
        ['...0', '...1', 'i', 'j'],
        ['...1', 'j', 'k'],
      ],
      output: ['...0', '...1', 'i', 'k'],
    });
    expect(parsed('...ii', 3).output).toEqual(['...0']);
    expect(parsed('i...j', 2).inputs).toEqual([['i', 'j']]);
  });

  it('mistakes are messages', () => {
    expect(parseEinsum('ij,jk->ik', [2])).toBe("equation 'ij,jk->ik' has 2 operand terms for 1 inputs");
    expect(parseEinsum('ij->ik', [2])).toBe("output label 'k' is in no input");
    expect(parseEinsum('ij->ii', [2])).toBe("output 'ii' repeats 'i'");
    expect(parseEinsum('i1', [2])).toBe("term 0 'i1' has '1', expected letters and at most one '...'");
    expect(parseEinsum('...i...', [2])).toBe("term 0 '...i...' has more than one ellipsis");
    expect(parseEinsum('ijk', [2])).toBe("term 0 'ijk' names 3 dims, input 0 has rank 2");
    expect(parseEinsum('...ij->ij', [3])).toBe("output 'ij' has no '...' for the dims the inputs' ellipsis stands for");
    expect(parseEinsum('a->b->c', [1])).toBe("equation 'a->b->c' has more than one '->'");
  });

  it('shape inference: label sizes from any operand, 1 broadcasting, symbols kept', () => {
    expect(
      shapeOf(
        'Einsum',
        [
          ['B', 3, 4],
          [1, 4, 5],
        ],
        { equation: 'bij,bjk->bik' },
      ),
    ).toEqual([['B', 3, 5]]);
    expect(shapeOf('Einsum', [[4, 4]], { equation: 'ii' })).toEqual([[]]);
    expect(() =>
      shapeOf(
        'Einsum',
        [
          [2, 3],
          [4, 5],
        ],
        { equation: 'ij,jk' },
      ),
    ).toThrow(/label 'j' is 3 in one input and 4 in input 1/);
  });
});
