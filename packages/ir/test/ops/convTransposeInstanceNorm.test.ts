import { describe, expect, it } from 'vitest';
import { convTransposeOutputSize, Graph, opRegistry, Tensor } from '../../src/index.js';
import { f, infer } from '../support/singleNode.js';

const zeros = (...shape: number[]) => Tensor.zeros('float32', shape);

describe('ConvTranspose shape inference', () => {
  it('output = stride (in - 1) + output_padding + dilation (k - 1) + 1 - pads, C_out = W[1] x group', () => {
    // 1 (3 - 1) + 2 + 1 = 5
    expect(infer('ConvTranspose', [f(1, 1, 3, 3), zeros(1, 2, 3, 3)])[0]).toEqual(f(1, 2, 5, 5));
    // H: 3 (3 - 1) + 1 + 2 + 1 = 10, W: 2 (3 - 1) + 1 + 2 + 1 = 8
    expect(
      infer('ConvTranspose', [f(1, 1, 3, 3), zeros(1, 2, 3, 3)], { strides: [3, 2], output_padding: [1, 1] })[0],
    ).toEqual(f(1, 2, 10, 8));
    // pads [1, 2, 1, 2] crop 9 x 7 to 7 x 3
    expect(
      infer('ConvTranspose', [f(1, 1, 3, 3), zeros(1, 2, 3, 3)], { strides: [3, 2], pads: [1, 2, 1, 2] })[0],
    ).toEqual(f(1, 2, 7, 3));
    // dilation 2: span 3; 3 - 1 + 3 = 5
    expect(infer('ConvTranspose', [f(1, 1, 3, 3), zeros(1, 1, 2, 2)], { dilations: [2, 2] })[0]).toEqual(f(1, 1, 5, 5));
    // groups: W [4, 3, 2, 2] with group 2 gives 6 output channels; 5 - 1 + 2 = 6
    expect(infer('ConvTranspose', [f(1, 4, 5, 5), zeros(4, 3, 2, 2), zeros(6)], { group: 2 })[0]).toEqual(
      f(1, 6, 6, 6),
    );
    // the decoder case: 2 (64 - 1) + 4 - 1 - 1 = 128
    expect(
      infer('ConvTranspose', [f(1, 64, 64, 64), zeros(64, 32, 4, 4)], { strides: [2, 2], pads: [1, 1, 1, 1] })[0],
    ).toEqual(f(1, 32, 128, 128));
    expect(convTransposeOutputSize(64, 4, 2, 1, 1, 1, 0)).toBe(128);
  });

  it('1-D and 3-D; symbolic batch kept, symbolic spatial dims unknown', () => {
    expect(infer('ConvTranspose', [f(1, 1, 3), zeros(1, 2, 3)])[0]).toEqual(f(1, 2, 5));
    expect(infer('ConvTranspose', [f(1, 1, 3, 4, 5), zeros(1, 2, 3, 3, 3)])[0]).toEqual(f(1, 2, 5, 6, 7));
    expect(infer('ConvTranspose', [f('N', 1, 'H', 4), zeros(1, 2, 3, 3)])[0]).toEqual(f('N', 2, '?', 6));
  });

  it('names what does not fit', () => {
    expect(() => infer('ConvTranspose', [f(1, 3, 4, 4), zeros(2, 2, 3, 3)])).toThrow(
      'input has 3 channels, weight [2,2,3,3] expects 2',
    );
    expect(() => infer('ConvTranspose', [f(1, 3, 4, 4), zeros(3, 2, 3, 3)], { group: 2 })).toThrow(
      'input channels 3 not divisible by group 2',
    );
    expect(() => infer('ConvTranspose', [f(1, 2, 4, 4), zeros(2, 2, 3, 3), zeros(3)])).toThrow(
      'bias must be [2], got [3]',
    );
    expect(() => infer('ConvTranspose', [f(1, 1, 1, 1), zeros(1, 1, 1, 1)], { pads: [1, 0, 0, 0] })).toThrow(
      'spatial dim 0 of size 1 gives an empty output with these pads',
    );
    expect(() => infer('ConvTranspose', [f(1, 1, 3, 3), zeros(1, 1, 2, 2)], { output_padding: [1] })).toThrow(
      'output_padding has 1 entries, expected 2',
    );
    expect(() => infer('ConvTranspose', [f(1, 1, 3, 3), zeros(1, 1, 2, 2)], { kernel_shape: [3, 3] })).toThrow(
      'kernel_shape [3,3] does not match weight [1,1,2,2]',
    );
    expect(() => infer('ConvTranspose', [f(1, 1, 3), zeros(1, 1, 2, 2)])).toThrow(
      'input [1,1,3] does not fit weight [1,1,2,2]',
    );
  });

  it('is a GEMM whose per-channel weight axis is 1 and whose bias is a parameter', () => {
    const g = new Graph('g');
    const x = g.addInput('x', { dtype: 'float32', shape: [1, 4, 2, 2] });
    const w = g.addConstant('w', zeros(4, 3, 2, 2));
    const n = g.addNode({ op: 'ConvTranspose', inputs: [x, w], attrs: { group: 2 } });
    const traits = opRegistry.traitsOf(n);
    expect(traits.quantRole).toBe('gemm');
    expect(traits.parameterInputs).toEqual([2]);
    expect(traits.weight?.(n, opRegistry.attributesOf(n))).toEqual({ index: 1, axis: 1 });
  });
});

describe('InstanceNorm shape inference', () => {
  it('keeps the input type; scale and B are [C]', () => {
    expect(infer('InstanceNorm', [f(2, 3, 4, 5), zeros(3), zeros(3)])[0]).toEqual(f(2, 3, 4, 5));
    expect(infer('InstanceNorm', [f('N', 3, 7), zeros(3), zeros(3)], { epsilon: 0.01 })[0]).toEqual(f('N', 3, 7));
    expect(() => infer('InstanceNorm', [f(2, 3, 4), zeros(4), zeros(3)])).toThrow('scale must be [3], got [4]');
    expect(() => infer('InstanceNorm', [f(2, 3), zeros(3), zeros(3)])).toThrow(
      'input must be N x C x D1 x ..., got [2,3]',
    );
  });

  it('computes with int16 internals; scale and B are parameters', () => {
    const g = new Graph('g');
    const x = g.addInput('x', { dtype: 'float32', shape: [1, 2, 3] });
    const n = g.addNode({
      op: 'InstanceNorm',
      inputs: [x, g.addConstant('s', zeros(2)), g.addConstant('b', zeros(2))],
    });
    expect(opRegistry.traitsOf(n)).toMatchObject({
      quantRole: 'compute',
      parameterInputs: [1, 2],
      int16Internals: true,
    });
  });
});
