import { calibrateToQat } from '@qtk/backend';
import { type Artifact, Graph, manualSeed, randn, Tensor, type Value } from '@qtk/ir';
import {
  calibration8bitWeight16bitActQconfigSetter,
  defaultCalibrationQconfigSetter,
  type QconfigSetter,
} from '@qtk/qconfig';
import { runGraph } from '@qtk/simulator';

/**
 * A small warping model of the usual GridSample pattern: a conv predicts 2 offsets per pixel that
 * become the grid (transpose, tanh), another conv gives the features sampled at it; then a
 * bilinear Resize x2 (F.interpolate), a nearest Resize x2 and a 1x1 conv head.
 */
export function warpModel(): Graph {
  manualSeed(5);
  const g = new Graph('warp');
  const x = g.addInput('x', { dtype: 'float32', shape: [1, 4, 8, 8] });
  const w = (name: string, shape: number[], k: number) => {
    const t = randn(...shape);
    return g.addConstant(
      name,
      Tensor.float32(
        shape,
        Array.from(t.data, (v) => v * k),
      ),
    );
  };
  const conv = (name: string, input: Value, weight: Value, pads = [0, 0, 0, 0]) =>
    g.addNode({ op: 'Conv', name, inputs: [input, weight], attrs: { pads } }).output();
  const offsets = conv('conv_grid', x, w('w_grid', [2, 4, 3, 3], 0.2), [1, 1, 1, 1]);
  const t = g.addNode({ op: 'Transpose', name: 'to_nhwc', inputs: [offsets], attrs: { perm: [0, 2, 3, 1] } }).output();
  const grid = g.addNode({ op: 'Tanh', name: 'grid', inputs: [t] }).output();
  const feat = conv('conv_feat', x, w('w_feat', [4, 4, 1, 1], 0.5));
  const sampled = g.addNode({ op: 'GridSample', name: 'warp', inputs: [feat, grid] }).output();
  const scales = g.addConstant('scales', Tensor.float32([4], [1, 1, 2, 2]));
  const up = g
    .addNode({ op: 'Resize', name: 'up', inputs: [sampled, null, scales], attrs: { mode: 'linear' } })
    .output();
  const nn = g.addNode({ op: 'Resize', name: 'nn', inputs: [up, null, scales], attrs: { mode: 'nearest' } }).output();
  g.setOutputs([conv('head', nn, w('w_head', [2, 4, 1, 1], 0.5))]);
  return g;
}

/** A calibrated QAT artifact of {@link warpModel} (16 random calibration samples), with an input `x`. */
export function warpQat(preset: 'int8' | 'int16' = 'int8', march = 'nash-m'): { artifact: Artifact; x: Tensor } {
  const setter: QconfigSetter =
    preset === 'int8' ? defaultCalibrationQconfigSetter : calibration8bitWeight16bitActQconfigSetter;
  manualSeed(6);
  const samples = Array.from({ length: 16 }, () => ({ x: randn(1, 4, 8, 8) }));
  const x = randn(1, 4, 8, 8);
  const { artifact } = calibrateToQat(warpModel(), x, { march, qconfigSetter: setter, samples, run: runGraph });
  return { artifact, x };
}
