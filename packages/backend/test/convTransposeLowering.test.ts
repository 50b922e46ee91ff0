import { Graph, manualSeed, type Node, type Tensor } from '@qtk/ir';
import {
  calibration8bitWeight16bitActQconfigSetter,
  defaultCalibrationQconfigSetter,
  type QconfigSetter,
} from '@qtk/qconfig';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import { lowerToInteger, measureGemmConsistency } from '../src/index.js';
import { toyPolicy } from './support/toyBackend.js';
import { calibratedForToy, scaledRandn } from './support/toyCalibration.js';

/**
 * x [1, 4, 5, 5] -> up1 (ConvTranspose W [4, 3, 3, 3], group 2, stride 2, pads 1, output_padding
 * 1, bias) -> ReLU -> up2 (W [6, 4, 2, 2], stride 2, dilation 2, asymmetric pads, no bias) ->
 * head (Conv 1x1 with bias) -> y: up1 and up2 requantize (up1 through its fused ReLU), head keeps
 * a high-precision output.
 */
function decoder(): Graph {
  manualSeed(11);
  const g = new Graph('decoder');
  const x = g.addInput('x', { dtype: 'float32', shape: [1, 4, 5, 5] });
  const up1 = g.addNode({
    op: 'ConvTranspose',
    name: 'up1',
    inputs: [
      x,
      g.addConstant('up1.weight', scaledRandn([4, 3, 3, 3], 0.4)),
      g.addConstant('up1.bias', scaledRandn([6], 0.3)),
    ],
    attrs: { group: 2, strides: [2, 2], pads: [1, 1, 1, 1], output_padding: [1, 1] },
  });
  const relu = g.addNode({ op: 'Relu', name: 'relu', inputs: [up1.output()] });
  const up2 = g.addNode({
    op: 'ConvTranspose',
    name: 'up2',
    inputs: [relu.output(), g.addConstant('up2.weight', scaledRandn([6, 4, 2, 2], 0.3))],
    attrs: { strides: [2, 2], dilations: [2, 2], pads: [1, 0, 0, 1] },
  });
  const head = g.addNode({
    op: 'Conv',
    name: 'head',
    inputs: [
      up2.output(),
      g.addConstant('head.weight', scaledRandn([2, 4, 1, 1], 0.5)),
      g.addConstant('head.bias', scaledRandn([2])),
    ],
    outputs: ['y'],
  });
  g.setOutputs([head.output()]);
  return g;
}

/** x -> up (ConvTranspose W [4, 3, 3, 3], group 2, stride 2, pads 1, bias) -> y: a high-precision output. */
function lastLayer(): Graph {
  manualSeed(5);
  const g = new Graph('last');
  const x = g.addInput('x', { dtype: 'float32', shape: [1, 4, 3, 3] });
  const up = g.addNode({
    op: 'ConvTranspose',
    name: 'up',
    inputs: [
      x,
      g.addConstant('up.weight', scaledRandn([4, 3, 3, 3], 0.4)),
      g.addConstant('up.bias', scaledRandn([6], 0.3)),
    ],
    attrs: { group: 2, strides: [2, 2], pads: [1, 1, 1, 1] },
    outputs: ['y'],
  });
  g.setOutputs([up.output()]);
  return g;
}

function calibrated(model: Graph, setter: QconfigSetter) {
  const samples = Array.from({ length: 8 }, () => ({ x: scaledRandn(model.inputs[0]?.type.shape as number[]) }));
  return calibratedForToy(model, samples, setter);
}

describe('ConvTranspose lowered to qtk::ConvTranspose', () => {
  for (const [preset, setter] of [
    ['int8', defaultCalibrationQconfigSetter],
    ['int16', calibration8bitWeight16bitActQconfigSetter],
  ] as const) {
    it(`${preset}: requantized outputs within 1 LSB of the fake-quant model on many random inputs`, () => {
      const qat = calibrated(decoder(), setter);
      const { graph, warnings } = lowerToInteger(qat, toyPolicy, 'toy-npu');
      expect(warnings).toEqual([]);
      const up1 = graph.findNode('up1') as Node;
      expect(up1.qualifiedOp).toBe('qtk::ConvTranspose');
      expect(up1.annotations.unit).toBe('tae');
      // the fused ReLU is the clamp; one multiplier per output channel (6 = 3 per group x 2)
      expect(up1.attrs).toMatchObject({ clamp_min: 0, out_dtype: preset, group: 2, output_padding: [1, 1] });
      expect((up1.attrs.multipliers as number[]).length).toBe(6);
      expect(up1.input(2).type.dtype).toBe('int32');
      expect(graph.findNode('up2')?.attrs.out_dtype).toBe(preset);
      expect(graph.nodes.filter((n) => n.op === 'Relu')).toEqual([]);
      let elements = 0;
      for (let k = 0; k < 24; k++) {
        const feeds = { x: scaledRandn([1, 4, 5, 5], 1 + (k % 3)) };
        const report = measureGemmConsistency(qat, graph, feeds, runGraph);
        expect(report.map((r) => r.node)).toEqual(['up1', 'up2', 'head']);
        for (const r of report.filter((r) => r.lsb === 'output')) {
          expect(r.isolated.maxLsb, `${r.node} on input ${k}`).toBeLessThanOrEqual(1);
          expect(r.isolated.withinOneLsb, r.node).toBe(1);
          elements += r.elements;
        }
      }
      expect(elements).toBe(24 * (6 * 10 * 10 + 4 * 20 * 20));
    });
  }

  it('high precision (int32): the accumulators are the exact sums of the integer operands, bias at s_x s_w[o mod C_out/group]', () => {
    const qat = calibrated(lastLayer(), defaultCalibrationQconfigSetter);
    const { graph } = lowerToInteger(qat, toyPolicy, 'toy-npu');
    const up = graph.findNode('up') as Node;
    expect(up.attrs.out_dtype).toBe('int32');
    expect(up.output().uses.map((u) => u.node.qualifiedOp)).toEqual(['qtk::Dequantize']);
    // weight scales: W [4, 3, 3, 3] fake-quantized along axis 1 (3 scales), expanded to 6 channels
    const sx = (up.attrs.input_scale as number[])[0] as number;
    const sw = up.attrs.weight_scales as number[];
    expect(sw).toHaveLength(6);
    expect(sw.slice(3)).toEqual(sw.slice(0, 3));
    const wfq = qat.findNode('up.weight_fake_quant') as Node;
    expect(wfq.attrs.axis).toBe(1);
    expect(sw.slice(0, 3)).toEqual(wfq.attrs.scales);
    const floatBias = qat.findNode('up')?.input(2).constant?.toNumbers() as number[];
    const intBias = up.input(2).constant?.toNumbers() as number[];
    expect(intBias).toEqual(floatBias.map((b, o) => Math.round(b / (sx * (sw[o] as number)))));

    const x = scaledRandn([1, 4, 3, 3], 2);
    const seen = new Map<string, Tensor>();
    runGraph(
      graph,
      { x },
      {
        hooks: {
          afterNode: (e) => {
            seen.set(e.node.name, e.outputs[0] as Tensor);
            return undefined;
          },
        },
      },
    );
    const xq = seen.get(up.input(0).producer?.name as string) as Tensor;
    const acc = seen.get('up') as Tensor;
    const w = up.input(1).constant as Tensor;
    // y[o, q] = B[o] + sum over c of o's group and taps (kh, kw) with q = 2 i + k - 1 of x[c, i] W[c, o mod 3, k]
    const expected: bigint[] = [];
    for (let o = 0; o < 6; o++) {
      const grp = Math.floor(o / 3);
      for (let oh = 0; oh < 5; oh++) {
        for (let ow = 0; ow < 5; ow++) {
          let sum = BigInt(intBias[o] as number);
          for (let c = 2 * grp; c < 2 * grp + 2; c++) {
            for (let kh = 0; kh < 3; kh++) {
              for (let kw = 0; kw < 3; kw++) {
                const ih = (oh + 1 - kh) / 2;
                const iw = (ow + 1 - kw) / 2;
                if (!Number.isInteger(ih) || !Number.isInteger(iw) || ih < 0 || iw < 0 || ih > 2 || iw > 2) continue;
                const xv = xq.data[(c * 3 + ih) * 3 + iw] as number;
                const wv = w.data[((c * 3 + (o % 3)) * 3 + kh) * 3 + kw] as number;
                sum += BigInt(xv) * BigInt(wv);
              }
            }
          }
          expected.push(sum);
        }
      }
    }
    expect(acc.dtype).toBe('int32');
    expect(acc.toNumbers()).toEqual(expected.map(Number));
    // and the dequantized output is the fake-quant model's to within an accumulator LSB
    const [r] = measureGemmConsistency(qat, graph, { x }, runGraph);
    expect(r?.lsb).toBe('accumulator');
    expect(r?.isolated.withinOneLsb).toBe(1);
  });

  it('falls back, saying why, when the weight is not a quantized constant', () => {
    const g = new Graph('fed');
    const x = g.addInput('x', { dtype: 'float32', shape: [1, 1, 2, 2] });
    const w = g.addInput('w', { dtype: 'float32', shape: [1, 1, 2, 2] });
    const fq = (v: Node['inputs'][number], name: string) =>
      g
        .addNode({ op: 'FakeQuantize', name, inputs: [v], attrs: { dtype: 'qint8', scales: [0.1], enabled: 1 } })
        .output();
    const up = g.addNode({ op: 'ConvTranspose', name: 'up', inputs: [fq(x, 'x_fq'), w] });
    g.setOutputs([fq(up.output(), 'y_fq')]);
    const { graph, warnings } = lowerToInteger(g, toyPolicy, 'toy-npu');
    expect(graph.findNode('up')?.annotations.fallback).toBe('float32 on the CPU');
    expect(warnings).toEqual([
      'up (ConvTranspose): no integer kernel on toy-npu (its weight is not a constant quantized to int8 or int16); runs in float32 on the CPU',
    ]);
  });
});
