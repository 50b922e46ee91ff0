import { LayerNorm, Linear, Module, manualSeed, ReLU, type SymbolicTensor } from '@qtk/ir';
import { articleExampleInput, SmallModel, SmallModelTwoOutputs } from '@qtk/ir/models';
import { loadOnnx } from '@qtk/onnx';
import { evaluateNode } from '@qtk/simulator';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import {
  buildQconfigTable,
  calibration8bitWeight16bitActQconfigSetter,
  defaultCalibrationQconfigSetter,
  ModuleNameQconfigSetter,
  prepare,
  type QconfigEntry,
} from '../src/index.js';

/** Case 2 as an imported model has it: no stubs, `y` both returned and read by linear3. */
class TwoOutputsNoStubs extends Module {
  linear1 = new Linear(256, 256);
  layernorm = new LayerNorm(256);
  relu = new ReLU();
  linear2 = new Linear(256, 60);
  linear3 = new Linear(60, 60);
  forward(x: SymbolicTensor): [SymbolicTensor, SymbolicTensor] {
    const y = this.linear2.call(this.relu.call(this.layernorm.call(this.linear1.call(x))));
    return [this.linear3.call(y), y];
  }
}

function example() {
  manualSeed(42);
  return articleExampleInput();
}

const row = (ops: readonly QconfigEntry[], name: string) => ops.find((e) => e.name === name) as QconfigEntry;
const dtypes = (e: QconfigEntry) => ({
  inputs: e.inputs.map((i) => i.dtype),
  output: e.output.dtype,
  weight: e.weight?.dtype ?? null,
});

describe('the article, case 1 (SPEC section 7)', () => {
  it('default calibration on nash-m: linear3 high precision, everything else int8', () => {
    const x = example();
    const model = prepare(new SmallModel(), x, { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter });
    const { ops, warnings } = buildQconfigTable(model);
    expect(dtypes(row(ops, 'linear3'))).toEqual({ inputs: ['qint8'], output: null, weight: 'qint8' });
    expect(row(ops, 'linear3').rule).toMatch(/high-precision output \(a GEMM read only by model outputs\)/);
    expect(dtypes(row(ops, 'linear1'))).toEqual({ inputs: ['qint8'], output: 'qint8', weight: 'qint8' });
    expect(dtypes(row(ops, 'linear2'))).toEqual({ inputs: ['qint8'], output: 'qint8', weight: 'qint8' });
    expect(row(ops, 'layernorm').rule).toMatch(/int16 internals/);
    expect(dtypes(row(ops, 'relu'))).toEqual({ inputs: ['qint8'], output: 'qint8', weight: null });
    expect(warnings.map((w) => w.kind)).toEqual(['high-precision-output']);
    // The weight fake quant is per output channel, with its scales set at prepare time.
    const wfq = model.graph.findNode('linear1.weight_fake_quant')!;
    expect(wfq.attrs.axis).toBe(0);
    expect((wfq.attrs.scales as number[]).length).toBe(256);
    expect(row(ops, 'linear3').output).toEqual({ dtype: null, scale: null });
  });

  it('the 8-bit-weight 16-bit-activation preset makes every activation qint16', () => {
    const model = prepare(new SmallModel(), example(), {
      march: 'nash-m',
      qconfigSetter: calibration8bitWeight16bitActQconfigSetter,
    });
    const { ops } = buildQconfigTable(model);
    expect(dtypes(row(ops, 'linear2'))).toEqual({ inputs: ['qint16'], output: 'qint16', weight: 'qint8' });
    expect(row(ops, 'linear3').output.dtype).toBeNull();
  });
});

describe('the article, case 2 (SPEC section 8)', () => {
  it("by hand (dequant + quant_out): linear2 high precision for the output, linear3's input quantized", () => {
    const model = prepare(new SmallModelTwoOutputs(), example(), {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
    });
    const { ops } = buildQconfigTable(model);
    expect(dtypes(row(ops, 'linear2'))).toEqual({ inputs: ['qint8'], output: null, weight: 'qint8' });
    expect(dtypes(row(ops, 'linear3'))).toEqual({ inputs: ['qint8'], output: null, weight: 'qint8' });
    expect(dtypes(row(ops, 'quant_out'))).toEqual({ inputs: [null], output: 'qint8', weight: null });
  });

  it('automatically (no stubs, y read by linear3 and returned): the same dtypes, qtk re-quantizes linear3 input', () => {
    manualSeed(42);
    const x = articleExampleInput();
    const auto = prepare(new TwoOutputsNoStubs(), x, {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
      outputNames: ['z', 'y'],
    });
    const { ops, warnings } = buildQconfigTable(auto);
    expect(dtypes(row(ops, 'linear2'))).toEqual({ inputs: ['qint8'], output: null, weight: 'qint8' });
    expect(row(ops, 'linear2').rule).toMatch(
      /high-precision output for the model output; re-quantized for its other readers: linear3 \(qtk rule\)/,
    );
    expect(dtypes(row(ops, 'linear3'))).toEqual({ inputs: ['qint8'], output: null, weight: 'qint8' });
    expect(auto.graph.findNode('linear3.input_fake_quant_0')?.inputs[0]?.producer?.name).toBe('linear2');
    expect(warnings.filter((w) => w.kind === 'high-precision-output').map((w) => w.op)).toEqual(['linear2', 'linear3']);
    // Same dtypes as the hand-written version for every shared op.
    const byHand = buildQconfigTable(
      prepare(new SmallModelTwoOutputs(), example(), {
        march: 'nash-m',
        qconfigSetter: defaultCalibrationQconfigSetter,
      }),
    );
    for (const name of ['linear1', 'layernorm', 'relu', 'linear2', 'linear3']) {
      expect(dtypes(row(ops, name)), name).toEqual(dtypes(row(byHand.ops, name)));
    }
    expect(auto.graph.outputs.map((v) => v.name)).toEqual(['z', 'y']);
  });
});

describe('the article, imported from the PyTorch exports (seed_small.onnx, seed_two_outputs.onnx)', () => {
  it('case 1: linear3 high precision; case 2: linear2 high precision and linear3 re-quantizes its input', async () => {
    const x = example();
    const load = (f: string) => loadOnnx(fixturePath(f), { evaluate: evaluateNode });
    const one = buildQconfigTable(
      prepare(await load('seed_small.onnx'), x, { march: 'nash-m', qconfigSetter: defaultCalibrationQconfigSetter }),
    );
    expect(dtypes(row(one.ops, 'linear3'))).toEqual({ inputs: ['qint8'], output: null, weight: 'qint8' });
    expect(dtypes(row(one.ops, 'linear2'))).toEqual({ inputs: ['qint8'], output: 'qint8', weight: 'qint8' });
    const two = prepare(await load('seed_two_outputs.onnx'), x, {
      march: 'nash-m',
      qconfigSetter: defaultCalibrationQconfigSetter,
    });
    const table = buildQconfigTable(two);
    expect(dtypes(row(table.ops, 'linear2'))).toEqual({ inputs: ['qint8'], output: null, weight: 'qint8' });
    expect(row(table.ops, 'linear2').rule).toMatch(
      /high-precision output for the model output; re-quantized for its other readers: linear3 \(qtk rule\)/,
    );
    expect(dtypes(row(table.ops, 'linear3'))).toEqual({ inputs: ['qint8'], output: null, weight: 'qint8' });
    expect(two.graph.outputs.map((v) => v.name).sort()).toEqual(['y', 'z']);
  });
});

describe('setters', () => {
  it('ModuleNameQconfigSetter sets a dtype by exact name, on top of the template, and rejects unknown names', () => {
    const model = prepare(new SmallModel(), example(), {
      march: 'nash-m',
      qconfigSetter: [new ModuleNameQconfigSetter({ linear3: 'qint16' }), defaultCalibrationQconfigSetter],
    });
    const e = row(buildQconfigTable(model).ops, 'linear3');
    expect(e.output.dtype).toBe('qint16');
    expect(e.rule).toMatch(/^module-name: output qint16 by name \(over default-calibration/);
    expect(() =>
      prepare(new SmallModel(), example(), {
        march: 'nash-m',
        qconfigSetter: new ModuleNameQconfigSetter({ linear4: 'qint16' }),
      }),
    ).toThrow(/no op named 'linear4'/);
  });

  it('fills ops no setter sets with the default calibration template', () => {
    const model = prepare(new SmallModel(), example(), {
      march: 'nash-m',
      qconfigSetter: new ModuleNameQconfigSetter({ linear3: 'qint8' }),
    });
    expect(row(buildQconfigTable(model).ops, 'linear1').rule).toMatch(
      /^default \(no setter set this op\): default-calibration/,
    );
  });
});
