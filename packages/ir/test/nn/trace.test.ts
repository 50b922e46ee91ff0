import { describe, expect, it } from 'vitest';
import {
  BatchNorm2d,
  Conv2d,
  DeQuantStub,
  Identity,
  LayerNorm,
  Linear,
  Module,
  manualSeed,
  QuantStub,
  ReLU,
  ReLU6,
  randn,
  Sequential,
  type SymbolicTensor,
  trace,
} from '../../src/index.js';

/** The article's case-2 model, written as the article writes it in PyTorch. */
class TwoOutputs extends Module {
  linear1 = new Linear(8, 8);
  layernorm = new LayerNorm(8);
  relu = new ReLU();
  linear2 = new Linear(8, 6);
  linear3 = new Linear(6, 6);
  quant = new QuantStub();
  quant_out = new QuantStub();
  dequant = new DeQuantStub();

  forward(x: SymbolicTensor): [SymbolicTensor, SymbolicTensor] {
    x = this.quant.call(x);
    x = this.linear1.call(x);
    x = this.layernorm.call(x);
    x = this.relu.call(x);
    let y = this.linear2.call(x);
    const y_out = this.dequant.call(y);
    y = this.quant_out.call(y_out);
    let z = this.linear3.call(y);
    z = this.dequant.call(z);
    return [z, y_out];
  }
}

describe('trace', () => {
  it('records one node per layer call, named by module path, with parameters as named constants', () => {
    manualSeed(0);
    const g = trace(new TwoOutputs(), randn(2, 3, 8), { inputNames: ['x'], outputNames: ['z', 'y'] });
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
      'quant:QuantStub',
      'linear1:Linear',
      'layernorm:LayerNorm',
      'relu:Relu',
      'linear2:Linear',
      'dequant:DeQuantStub',
      'quant_out:QuantStub',
      'linear3:Linear',
      'dequant_1:DeQuantStub',
    ]);
    expect(g.inputs.map((v) => v.name)).toEqual(['x']);
    expect(g.outputs.map((v) => `${v.name}:${v.type.shape.join('x')}`)).toEqual(['z:2x3x6', 'y:2x3x6']);
    expect(g.findNode('linear2')?.inputs.map((v) => v?.name)).toEqual(['relu', 'linear2.weight', 'linear2.bias']);
    expect(g.findNode('layernorm')?.attrs).toEqual({ axis: -1, epsilon: 1e-5 });
  });

  it('gives the weights PyTorch initialization gives (kaiming uniform bound 1/sqrt(fan_in))', () => {
    manualSeed(1);
    const lin = new Linear(64, 10);
    const bound = 1 / Math.sqrt(64);
    const w = Array.from(lin.weight.data);
    expect(Math.max(...w)).toBeLessThanOrEqual(bound);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(-bound);
    expect(Math.max(...w)).toBeGreaterThan(0.9 * bound);
    expect(lin.bias?.shape).toEqual([10]);
  });

  it('traces nested modules with dotted paths, Identity as nothing, ReLU6 as Clip [0, 6]', () => {
    class Block extends Module {
      conv = new Conv2d(3, 4, 3, { padding: 1 });
      bn = new BatchNorm2d(4);
      act = new ReLU6();
      skip = new Identity();
      forward(x: SymbolicTensor) {
        return this.skip.call(this.act.call(this.bn.call(this.conv.call(x))));
      }
    }
    class Net extends Module {
      features = new Sequential(new Block(), new Block2());
      forward(x: SymbolicTensor) {
        return this.features.call(x);
      }
    }
    class Block2 extends Module {
      conv = new Conv2d(4, 4, 3, { stride: 2, padding: 1, groups: 4 });
      forward(x: SymbolicTensor) {
        return this.conv.call(x);
      }
    }
    const g = trace(new Net(), randn(1, 3, 8, 8));
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual([
      'features.0.conv:Conv',
      'features.0.bn:BatchNorm',
      'features.0.act:Clip',
      'features.1.conv:Conv',
    ]);
    expect(g.outputs[0]?.type.shape).toEqual([1, 4, 4, 4]);
    expect(g.findNode('features.0.act')?.inputs[2]?.constant?.data[0]).toBe(6);
    expect(Object.keys(new Net().stateDict())).toContain('features.0.bn.running_var');
  });

  it('records functional tensor methods under the calling module scope', () => {
    class Residual extends Module {
      fc = new Linear(4, 4);
      forward(x: SymbolicTensor) {
        return this.fc.call(x).add(x).relu();
      }
    }
    const g = trace(new Residual(), randn(2, 4));
    expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual(['fc:Linear', 'add:Add', 'relu:Relu']);
  });

  it('refuses to call a module outside a trace', () => {
    const lin = new Linear(2, 2);
    expect(() => lin.call(undefined as unknown as SymbolicTensor)).toThrow(/run the model through trace/);
  });
});

describe('Module.stateDict / loadStateDict', () => {
  it('lists parameters by path and loads them back strictly', () => {
    class M extends Module {
      fc = new Linear(2, 3);
      norm = new LayerNorm(3);
      forward(x: SymbolicTensor) {
        return this.norm.call(this.fc.call(x));
      }
    }
    const a = new M();
    const b = new M();
    expect(Object.keys(a.stateDict())).toEqual(['fc.weight', 'fc.bias', 'norm.weight', 'norm.bias']);
    b.loadStateDict(a.stateDict());
    expect(b.fc.weight).toBe(a.fc.weight);
    expect(() => b.loadStateDict({})).toThrow(/no entry 'fc.weight'/);
  });
});
