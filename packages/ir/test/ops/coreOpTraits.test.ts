import { describe, expect, it } from 'vitest';
import { coreOps, Graph, opRegistry } from '../../src/index.js';

describe('core op traits', () => {
  it('parameter inputs name inputs the op declares', () => {
    for (const d of coreOps) {
      const params: readonly number[] = d.traits.parameterInputs ?? [];
      const variadic = d.inputs.some((i) => i.variadic);
      for (const i of params) expect(variadic || i < d.inputs.length, `${d.op} input ${i}`).toBe(true);
    }
  });

  it('the registry gives an unknown op the traits of a compute op', () => {
    const g = new Graph('g');
    const x = g.addInput('x', { dtype: 'float32', shape: [2] });
    const n = g.addNode({ op: 'Mystery', domain: 'vendor', inputs: [x], outputTypes: [x.type] });
    expect(opRegistry.traitsOf(n).quantRole).toBe('compute');
  });

  it("a GEMM's weight axis follows its attributes (Gemm transB) and its weight's rank (MatMul)", () => {
    const g = new Graph('g');
    const x = g.addInput('x', { dtype: 'float32', shape: [2, 3] });
    const w = g.addInput('w', { dtype: 'float32', shape: [4, 3] });
    const gemm = g.addNode({ op: 'Gemm', inputs: [x, w], attrs: { transB: 1 } });
    const weightOf = (n: typeof gemm) => opRegistry.traitsOf(n).weight?.(n, opRegistry.attributesOf(n));
    expect(weightOf(gemm)).toEqual({ index: 1, axis: 0 });
    const w2 = g.addInput('w2', { dtype: 'float32', shape: [5, 3, 4] });
    const mm = g.addNode({ op: 'MatMul', inputs: [x, w2] });
    expect(weightOf(mm)).toEqual({ index: 1, axis: 2 });
  });
});
