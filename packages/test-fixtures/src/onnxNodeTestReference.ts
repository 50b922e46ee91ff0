import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DType, Tensor } from '@qtk/ir';
import * as ort from 'onnxruntime-node';
import type { OnnxNodeTest } from './index.js';
import { readFixtureTensor } from './index.js';

const RESIZE_ALIGN_CORNERS =
  "ONNX 1.12's reference divides align_corners coordinates by scale * length - 1; onnxruntime and PyTorch (whose exports are what qtk serves) divide by the integer output length - 1, and so does qtk";
const WINDOW =
  "ONNX 1.12's expected window is off by up to 7e-5 from 0.5 - 0.5 cos(2 pi n / N) and the other window formulas; onnxruntime computes the formula, and so does qtk";

/**
 * ONNX 1.12 node tests whose expected outputs are not what the op computes, with why. Each is
 * checked against onnxruntime running the original model instead (see {@link nodeTestReference}),
 * and a test keeps the claim honest: ONNX's expected outputs must still differ from onnxruntime's.
 */
export const ONNX_EXPECTED_OUTPUT_ERRATA: Readonly<Record<string, string>> = {
  test_resize_downsample_scales_linear_align_corners: RESIZE_ALIGN_CORNERS,
  test_resize_downsample_scales_cubic_align_corners: RESIZE_ALIGN_CORNERS,
  test_gridsample_bicubic:
    'the expected values are written to 4 decimals (off by up to 5e-5); onnxruntime gives the bicubic values to float32 precision, and so does qtk',
  test_blackmanwindow_expanded: WINDOW,
  test_blackmanwindow_symmetric_expanded: WINDOW,
  test_hammingwindow_expanded: WINDOW,
  test_hammingwindow_symmetric_expanded: WINDOW,
  test_hannwindow_expanded: WINDOW,
  test_hannwindow_symmetric_expanded: WINDOW,
};

/** The inputs of a node test, by graph input name. */
export function nodeTestInputs(t: OnnxNodeTest): Record<string, Tensor> {
  return Object.fromEntries(t.inputs.map((i) => [i.name, readFixtureTensor(join(t.dir, i.file))]));
}

/** ONNX's expected outputs of a node test, by graph output name. */
export function nodeTestExpectedOutputs(t: OnnxNodeTest): Record<string, Tensor> {
  return Object.fromEntries(t.outputs.map((o) => [o.name, readFixtureTensor(join(t.dir, o.file))]));
}

/** What onnxruntime computes with the test's original model on its inputs. */
export async function onnxruntimeNodeTestOutputs(t: OnnxNodeTest): Promise<Record<string, Tensor>> {
  const session = await ort.InferenceSession.create(readFileSync(join(t.dir, 'model.onnx')), { logSeverityLevel: 3 });
  const feeds = Object.fromEntries(
    Object.entries(nodeTestInputs(t)).map(([name, x]) => [
      name,
      new ort.Tensor(x.dtype as ort.Tensor.Type, x.data as ort.Tensor.DataType, [...x.shape]),
    ]),
  );
  const results = await session.run(feeds);
  await session.release();
  return Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      new Tensor(r.type as DType, r.dims as number[], r.data as unknown as Tensor['data']),
    ]),
  );
}

/**
 * The outputs a node test's model must give: ONNX's expected outputs, or, for the tests in
 * {@link ONNX_EXPECTED_OUTPUT_ERRATA}, what onnxruntime computes with the original model.
 */
export async function nodeTestReference(t: OnnxNodeTest): Promise<Record<string, Tensor>> {
  return ONNX_EXPECTED_OUTPUT_ERRATA[t.name] ? onnxruntimeNodeTestOutputs(t) : nodeTestExpectedOutputs(t);
}
