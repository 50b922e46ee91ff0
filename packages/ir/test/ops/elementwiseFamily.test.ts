import { describe, expect, it } from 'vitest';
import { type AttributeValue, opRegistry } from '../../src/index.js';
import { f, type NodeArg, singleNode, t } from '../support/singleNode.js';

const infer = (op: string, args: NodeArg[], attrs: Record<string, AttributeValue> = {}) =>
  singleNode(op, args, attrs).output().type;

describe('elementwise family: shape inference', () => {
  it('unary math keeps the type; float-only functions refuse integers, Abs and Sign take any number', () => {
    for (const op of ['Reciprocal', 'Log', 'Floor', 'Ceil', 'Round', 'Cos', 'Sin']) {
      expect(infer(op, [f('N', 3)])).toEqual(f('N', 3));
      expect(() => infer(op, [t('int32', 2)])).toThrow(/input dtype int32 is not one of float32, float64/);
    }
    expect(infer('Abs', [t('uint8', 4)])).toEqual(t('uint8', 4));
    expect(infer('Sign', [t('int64', 2, 2)])).toEqual(t('int64', 2, 2));
    expect(infer('Neg', [t('int8', 3)])).toEqual(t('int8', 3));
    expect(() => infer('Neg', [t('uint8', 3)])).toThrow(/uint8 is not one of/);
    expect(() => infer('Abs', [t('bool', 3)])).toThrow(/bool is not one of/);
  });

  it('activations are float-only; PRelu slope broadcasts one way to X', () => {
    for (const op of ['HardSwish', 'HardSigmoid', 'LeakyRelu', 'Elu', 'Selu', 'Softplus']) {
      expect(infer(op, [f(2, 3)])).toEqual(f(2, 3));
      expect(() => infer(op, [t('int8', 2)])).toThrow(/not one of float32, float64/);
    }
    expect(infer('PRelu', [f('N', 8, 4, 4), f(8, 1, 1)])).toEqual(f('N', 8, 4, 4));
    expect(infer('PRelu', [f(2, 3), f()])).toEqual(f(2, 3));
    // [3, 1] broadcast with [3] would be [3, 3]: X does not hold the slope's shape.
    expect(() => infer('PRelu', [f(3, 1), f(3)])).toThrow(/slope \[3\] does not broadcast to X \[3,1\]/);
    expect(() => infer('PRelu', [f(2, 4), f(2, 4, 1)])).toThrow(/does not broadcast to X/);
    expect(() => infer('PRelu', [f(2), t('float64', 2)])).toThrow(/slope is float64, X is float32/);
  });

  it('Max, Min, Sum and Mean broadcast any number of inputs of one dtype', () => {
    expect(infer('Max', [t('int8', 3, 1), t('int8', 4), t('int8', 2, 1, 1)])).toEqual(t('int8', 2, 3, 4));
    expect(infer('Min', [t('uint8', 5)])).toEqual(t('uint8', 5));
    expect(infer('Sum', [f('B', 1), f(7)])).toEqual(f('B', 7));
    expect(() => infer('Mean', [t('int32', 2), t('int32', 2)])).toThrow(/int32 is not one of float32, float64/);
    expect(() => infer('Max', [f(2), t('float64', 2)])).toThrow(/input 1 is float64, input 0 is float32/);
    expect(() => infer('Min', [f(2), f(3)])).toThrow(/shapes \[2\], \[3\] do not broadcast/);
  });

  it('Mod: fmod 0 is integer only', () => {
    expect(infer('Mod', [t('int64', 2, 3), t('int64', 3)])).toEqual(t('int64', 2, 3));
    expect(infer('Mod', [f(2), f(2)], { fmod: 1 })).toEqual(f(2));
    expect(() => infer('Mod', [f(2), f(2)])).toThrow(/fmod must be 1 for float32 inputs/);
    expect(() => infer('Mod', [t('int32', 2), t('int32', 2)], { fmod: 2 })).toThrow(/fmod must be 0 or 1, got 2/);
  });

  it('comparisons and logic give bool of the broadcast shape', () => {
    for (const op of ['Equal', 'Less', 'Greater', 'LessOrEqual', 'GreaterOrEqual']) {
      expect(infer(op, [t('int64', 'N', 1), t('int64', 5)])).toEqual(t('bool', 'N', 5));
    }
    expect(infer('Equal', [t('bool', 2), t('bool', 2)])).toEqual(t('bool', 2));
    expect(() => infer('Less', [t('bool', 2), t('bool', 2)])).toThrow(/bool is not one of/);
    expect(() => infer('Greater', [f(2), t('int32', 2)])).toThrow(/input dtypes differ: float32 and int32/);
    for (const op of ['And', 'Or', 'Xor']) expect(infer(op, [t('bool', 3, 1), t('bool', 4)])).toEqual(t('bool', 3, 4));
    expect(infer('Not', [t('bool', 2)])).toEqual(t('bool', 2));
    expect(() => infer('And', [f(2), f(2)])).toThrow(/float32 is not one of bool/);
    expect(() => infer('Not', [t('uint8', 2)])).toThrow(/uint8 is not one of bool/);
  });

  it('Where broadcasts condition, X and Y; X and Y share a dtype', () => {
    expect(infer('Where', [t('bool', 2, 1), t('int64', 3), t('int64', 1, 1)])).toEqual(t('int64', 2, 3));
    expect(() => infer('Where', [t('uint8', 2), f(2), f(2)])).toThrow(/condition is uint8, expected bool/);
    expect(() => infer('Where', [t('bool', 2), f(2), t('float64', 2)])).toThrow(/X is float32, Y is float64/);
    expect(() => infer('Where', [t('bool', 2), f(3), f(3)])).toThrow(/do not broadcast/);
  });

  it("Cast gives the dtype 'to' names", () => {
    expect(infer('Cast', [f('N', 2)], { to: 'int64' })).toEqual(t('int64', 'N', 2));
    expect(infer('Cast', [t('bool', 2)], { to: 'float32' })).toEqual(f(2));
    expect(() => infer('Cast', [f(2)], { to: 'float16' })).toThrow(/to 'float16' is not a dtype/);
  });
});

describe('elementwise family: traits', () => {
  const traits = (op: string, args: NodeArg[]) => opRegistry.traitsOf(singleNode(op, args));
  it('tables and integer ops compute; Max/Min/Sum/Mean share input scales; Where and Cast pass through', () => {
    for (const op of ['Neg', 'Abs', 'Log', 'HardSwish', 'Elu', 'Softplus', 'Round']) {
      expect(traits(op, [f(2)])).toEqual({ quantRole: 'compute' });
    }
    expect(traits('PRelu', [f(2), f(1)])).toEqual({ quantRole: 'compute', parameterInputs: [1] });
    for (const op of ['Max', 'Min', 'Sum', 'Mean']) {
      expect(traits(op, [f(2), f(2)])).toEqual({ quantRole: 'compute', sharedInputScale: true });
    }
    expect(traits('Where', [t('bool', 2), f(2), f(2)])).toEqual({ quantRole: 'passthrough', sharedInputScale: true });
    expect(opRegistry.traitsOf(singleNode('Cast', [f(2)], { to: 'float64' })).quantRole).toBe('passthrough');
    expect(traits('Less', [f(2), f(2)]).quantRole).toBe('float');
    expect(traits('Not', [t('bool', 2)]).quantRole).toBe('float');
  });
});
