/**
 * Calibrated QAT artifacts of the fixture models, for the tests of the packages that convert them
 * (the backends, the CLI). Each call runs the real flow: import or trace, prepare, calibrate on the
 * fixture samples, validate, export.
 *
 * @packageDocumentation
 */
import { calibrateToQat } from '@qtk/backend';
import { type Artifact, type Graph, type Module, manualSeed, randn, type Tensor } from '@qtk/ir';
import { articleExampleInput, SmallModel, SmallModelTwoOutputs } from '@qtk/ir/models';
import { loadOnnx } from '@qtk/onnx';
import {
  calibration8bitWeight16bitActQconfigSetter,
  defaultCalibrationQconfigSetter,
  type QconfigSetter,
} from '@qtk/qconfig';
import { evaluateNode, runGraph } from '@qtk/simulator';
import { calibrationSamples, fixturePath, readFixtureTensor } from '@qtk/test-fixtures';

/** The article's case 1 (SmallModel) or case 2 (SmallModelTwoOutputs). */
export type ArticleCase = 'case1' | 'case2';
/** Written in TypeScript or imported from PyTorch's ONNX export. */
export type ModelSource = 'ts' | 'onnx';
/** The default calibration preset (int8) or 8-bit weights with 16-bit activations. */
export type Preset = 'int8' | 'int16';

function setterOf(preset: Preset): QconfigSetter {
  return preset === 'int8' ? defaultCalibrationQconfigSetter : calibration8bitWeight16bitActQconfigSetter;
}

/** A calibrated QAT artifact of an article model, with the article's input `x`. */
export async function articleQat(
  which: ArticleCase,
  source: ModelSource,
  preset: Preset = 'int8',
  march = 'nash-m',
): Promise<{ artifact: Artifact; x: Tensor }> {
  manualSeed(42);
  const x = articleExampleInput();
  const model: Module | Graph =
    source === 'ts'
      ? which === 'case1'
        ? new SmallModel()
        : new SmallModelTwoOutputs()
      : await loadOnnx(fixturePath(which === 'case1' ? 'seed_small.onnx' : 'seed_two_outputs.onnx'), {
          evaluate: evaluateNode,
        });
  const { artifact } = calibrateToQat(model, x, {
    march,
    qconfigSetter: setterOf(preset),
    samples: calibrationSamples('calib_seq_2x100x256').map((s) => ({ x: s })),
    run: runGraph,
    inputNames: ['x'],
    outputNames: which === 'case1' ? ['z'] : ['z', 'y'],
  });
  return { artifact, x };
}

/** A calibrated QAT artifact of small_cnn (imported), with its fixture input and PyTorch's logits. */
export async function smallCnnQat(
  preset: Preset = 'int8',
  march = 'nash-m',
): Promise<{ artifact: Artifact; x: Tensor; input: string; reference: Tensor }> {
  const graph = await loadOnnx(fixturePath('small_cnn.onnx'), { evaluate: evaluateNode });
  const x = readFixtureTensor(fixturePath('small_cnn.input.npy'));
  const input = graph.inputs[0]?.name as string;
  const { artifact } = calibrateToQat(graph, x, {
    march,
    qconfigSetter: setterOf(preset),
    samples: calibrationSamples('calib_img_1x3x32x32').map((s) => ({ [input]: s })),
    run: runGraph,
  });
  return { artifact, x, input, reference: readFixtureTensor(fixturePath('small_cnn.output.npy')) };
}

export { warpModel, warpQat } from './warpQat.js';

/** Cosine similarity of two tensors' values. */

/**
 * A calibrated QAT artifact of the PyTorch decoder fixture (`convtranspose/decoder.onnx`:
 * ConvTranspose, InstanceNorm, ReLU, ConvTranspose), calibrated on 16 seeded `randn` samples, with
 * its fixture input and PyTorch's output. Its last ConvTranspose is read only by the model output,
 * so it keeps a high-precision output.
 */
export async function decoderQat(
  preset: Preset = 'int8',
  march = 'nash-m',
): Promise<{ artifact: Artifact; x: Tensor; input: string; reference: Tensor }> {
  const graph = await loadOnnx(fixturePath('convtranspose', 'decoder.onnx'), { evaluate: evaluateNode });
  const x = readFixtureTensor(fixturePath('convtranspose', 'decoder.input.npy'));
  const input = graph.inputs[0]?.name as string;
  manualSeed(7);
  const samples = Array.from({ length: 16 }, () => ({ [input]: randn(...x.shape) as Tensor }));
  const { artifact } = calibrateToQat(graph, x, { march, qconfigSetter: setterOf(preset), samples, run: runGraph });
  return { artifact, x, input, reference: readFixtureTensor(fixturePath('convtranspose', 'decoder.output.npy')) };
}
