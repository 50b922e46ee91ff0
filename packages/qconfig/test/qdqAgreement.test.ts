import { cloneGraph, type Node, type Tensor } from '@qtk/ir';
import { exportQdqOnnx, importOnnx, loadOnnx } from '@qtk/onnx';
import { evaluateNode, runGraph } from '@qtk/simulator';
import { calibrationSamples, fixturePath, readFixtureTensor } from '@qtk/test-fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import {
  calibration8bitWeight16bitActQconfigSetter,
  defaultCalibrationQconfigSetter,
  type PreparedModel,
  prepare,
  type QconfigSetter,
} from '../src/index.js';
import { floatDifference, type LsbAgreement, lsbAgreement, outputFakeQuantize } from './support/agreement.js';
import { calibrate } from './support/calibrate.js';
import { type OrtRunOptions, runOnnxruntime } from './support/onnxruntime.js';

// qtk's VALIDATION run (the simulator) against onnxruntime running qtk's QDQ export of the same
// calibrated model. onnxruntime computes in float32 (or in fused integer kernels) where the simulator
// computes in double and rounds once, so a value close to a rounding boundary can land one step
// apart at a quantization point; that step then travels downstream. So each quantization step is
// compared on equal inputs ("teacher forcing": the simulator runs with every activation
// FakeQuantize's output replaced by onnxruntime's): each quantization point within one LSB, each
// high-precision output within float tolerance. The free-running differences are reported.

/** Float tolerance of high-precision outputs, as the other onnxruntime comparisons: 1e-5 of max(|reference|, 1). */
const RTOL = 1e-5;

/**
 * onnxruntime as deployed (all graph optimizations, single thread), except that the MatMulNBits
 * kernel it fuses `DequantizeLinear(int8 weight) -> MatMul` into computes in float32: by default
 * (accuracy level 4) it quantizes the activation to int8 on the fly, which no QDQ model says.
 */
const ORT: OrtRunOptions = { matMulNBitsAccuracyLevel: 1 };

const FIXTURES = [
  { model: 'seed_small.onnx', input: 'seed_small.input.npy', samples: 'calib_seq_2x100x256' },
  { model: 'seed_two_outputs.onnx', input: 'seed_small.input.npy', samples: 'calib_seq_2x100x256' },
  { model: 'small_cnn.onnx', input: 'small_cnn.input.npy', samples: 'calib_img_1x3x32x32' },
] as const;
const PRESETS: readonly QconfigSetter[] = [defaultCalibrationQconfigSetter, calibration8bitWeight16bitActQconfigSetter];

const report: string[] = [];
afterAll(() => {
  console.log(`QDQ export in onnxruntime against qtk's VALIDATION run:\n${report.join('\n')}`);
});

/** Activation fake-quantization points (those of constants are exact integers in the file). */
function activationPoints(model: PreparedModel): Node[] {
  return model.fakeQuantizes.filter((n) => n.inputs[0]?.constant === undefined);
}

function merge(a: LsbAgreement, b: LsbAgreement): LsbAgreement {
  return { maxLsb: Math.max(a.maxLsb, b.maxLsb), equal: a.equal + b.equal, total: a.total + b.total };
}

const share = (a: LsbAgreement) => `${((100 * a.equal) / a.total).toFixed(3)}% equal`;

async function calibrated(fixture: (typeof FIXTURES)[number], setter: QconfigSetter) {
  const graph = await loadOnnx(fixturePath(fixture.model), { evaluate: evaluateNode });
  const x = readFixtureTensor(fixturePath(fixture.input));
  const model = prepare(graph, x, { march: 'nash-m', qconfigSetter: setter });
  calibrate(model, calibrationSamples(fixture.samples));
  return { model, feeds: { [model.graph.inputs[0]?.name as string]: x } };
}

describe.each(FIXTURES.flatMap((f) => PRESETS.map((p) => [f.model, p.name, f, p] as const)))(
  '%s, %s',
  (_model, _preset, fixture, setter) => {
    it('runs in onnxruntime within one LSB per quantization step, high-precision outputs to float tolerance', async () => {
      const { model, feeds } = await calibrated(fixture, setter);
      const points = activationPoints(model);
      const int16 = points.some((p) => p.attrs.dtype === 'qint16');

      // The deployed file: opset 21 exactly when int16 appears.
      const bytes = exportQdqOnnx(model.graph);
      expect(importOnnx(bytes).metadata.opset).toBe(int16 ? '21' : '17');
      const seen = new Map<string, Tensor>();
      const validation = runGraph(model.graph, feeds, {
        hooks: {
          afterNode(event) {
            if (event.node.op === 'FakeQuantize') seen.set(event.node.output().name, event.outputs[0] as Tensor);
            return model.hooks.afterNode?.(event);
          },
        },
      }).outputs;
      const deployed = await runOnnxruntime(bytes, feeds, ORT);

      // The same model with every activation point also a graph output (onnxruntime fuses it alike).
      const probe = cloneGraph(model.graph);
      const exposed = points.map((p) => probe.value(p.output().name)).filter((v) => !probe.outputs.includes(v));
      probe.setOutputs([...probe.outputs, ...exposed]);
      const observed = await runOnnxruntime(exportQdqOnnx(probe), feeds, ORT);
      for (const v of model.graph.outputs) {
        expect(floatDifference(observed[v.name] as Tensor, deployed[v.name] as Tensor).maxAbs, v.name).toBe(0);
      }

      // Teacher forcing: each point computed by qtk from onnxruntime's quantized values upstream.
      const perPoint = new Map<string, LsbAgreement>();
      const forced = runGraph(model.graph, feeds, {
        hooks: {
          afterNode(event) {
            model.hooks.afterNode?.(event);
            const { node } = event;
            if (node.op !== 'FakeQuantize' || node.inputs[0]?.constant) return undefined;
            const theirs = observed[node.output().name] as Tensor;
            const scales = node.attrs.scales as number[];
            perPoint.set(
              node.name,
              lsbAgreement(event.outputs[0] as Tensor, theirs, scales, node.attrs.axis as number | undefined),
            );
            return [theirs];
          },
        },
      }).outputs;

      let steps: LsbAgreement = { maxLsb: 0, equal: 0, total: 0 };
      for (const [name, a] of perPoint) {
        expect(a.maxLsb, `${name}: ${a.total - a.equal} of ${a.total} values differ`).toBeLessThanOrEqual(1);
        steps = merge(steps, a);
      }
      expect(perPoint.size).toBe(points.length);
      const lines = [
        `${fixture.model}, ${setter.name} (opset ${int16 ? 21 : 17}): ${points.length} activation points, per step max ${steps.maxLsb} LSB, ${share(steps)} of ${steps.total}`,
        ...[...perPoint]
          .filter(([, a]) => a.equal < a.total)
          .map(([name, a]) => `  ${name}: ${a.total - a.equal} of ${a.total} one step apart`),
      ];

      // Model outputs: quantized ones are points (above); high-precision ones to float tolerance on equal inputs.
      let free: LsbAgreement = { maxLsb: 0, equal: 0, total: 0 };
      for (const p of points) {
        const scales = p.attrs.scales as number[];
        const v = p.output().name;
        free = merge(
          free,
          lsbAgreement(seen.get(v) as Tensor, observed[v] as Tensor, scales, p.attrs.axis as number | undefined),
        );
      }
      for (const v of model.graph.outputs) {
        const fq = outputFakeQuantize(v);
        const endToEnd = floatDifference(validation[v.name] as Tensor, deployed[v.name] as Tensor);
        if (fq) {
          lines.push(
            `  output ${v.name} (${fq.attrs.dtype}): free-running max diff ${endToEnd.maxAbs.toExponential(2)}`,
          );
          continue;
        }
        const d = floatDifference(forced[v.name] as Tensor, deployed[v.name] as Tensor);
        const tolerance = RTOL * Math.max(d.maxReference, 1);
        expect(d.maxAbs, `${v.name}: high-precision output`).toBeLessThanOrEqual(tolerance);
        lines.push(
          `  output ${v.name} (high precision): on equal inputs max diff ${d.maxAbs.toExponential(2)} (tolerance ${tolerance.toExponential(2)}); free-running ${endToEnd.maxAbs.toExponential(2)} of max |${v.name}| ${endToEnd.maxReference.toFixed(3)}`,
        );
      }
      lines.push(`  free-running activation points: max ${free.maxLsb} LSB, ${share(free)}`);
      // Measured only: onnxruntime's default MatMulNBits accuracy (int8 activations inside the kernel).
      const defaults = await runOnnxruntime(bytes, feeds);
      const moved = Math.max(
        ...model.graph.outputs.map(
          (v) => floatDifference(defaults[v.name] as Tensor, deployed[v.name] as Tensor).maxAbs,
        ),
      );
      lines.push(
        `  onnxruntime's default MatMulNBits accuracy level (4) moves the outputs by up to ${moved.toExponential(2)}`,
      );
      report.push(...lines);
    }, 60_000);
  },
);
