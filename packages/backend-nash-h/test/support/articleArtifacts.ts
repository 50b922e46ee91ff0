import { calibrateToQat } from '@qtk/backend';
import { type Artifact, type Graph, type Module, manualSeed, type Tensor } from '@qtk/ir';
import { articleExampleInput, SmallModel, SmallModelTwoOutputs } from '@qtk/ir/models';
import { loadOnnx } from '@qtk/onnx';
import { calibration8bitWeight16bitActQconfigSetter, defaultCalibrationQconfigSetter } from '@qtk/qconfig';
import { evaluateNode, runGraph } from '@qtk/simulator';
import { calibrationSamples, fixturePath } from '@qtk/test-fixtures';

/** The article's two models, written in TypeScript or imported from PyTorch's ONNX exports. */
export type ArticleCase = 'case1' | 'case2';
export type ArticleSource = 'ts' | 'onnx';

/** A calibrated QAT artifact of an article model with the default (int8) or the 16-bit-activation preset. */
export async function articleQat(
  which: ArticleCase,
  source: ArticleSource,
  preset: 'int8' | 'int16' = 'int8',
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
    march: 'nash-h',
    qconfigSetter: preset === 'int8' ? defaultCalibrationQconfigSetter : calibration8bitWeight16bitActQconfigSetter,
    samples: calibrationSamples('calib_seq_2x100x256').map((s) => ({ x: s })),
    run: runGraph,
    inputNames: ['x'],
    outputNames: which === 'case1' ? ['z'] : ['z', 'y'],
  });
  return { artifact, x };
}
