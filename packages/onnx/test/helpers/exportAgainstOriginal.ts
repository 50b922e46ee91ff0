import type { Graph, Tensor } from '@qtk/ir';
import { DEFAULT_EXPORT_OPSET, exportOnnx, type ImportOptions, importOnnx } from '../../src/index.js';
import { maxOutputDiff } from './compare.js';
import { onnxModel, type TestModel } from './onnxModel.js';
import { runOrt } from './ort.js';

/**
 * Imports `model` (with `options`) and runs onnxruntime on the original (at its own opset) and on
 * qtk's export at each of `opsets`, on the same feeds: the runtime that defines each ONNX form
 * checks the importer's reading of it. Returns the imported graph and the largest output
 * difference at each opset.
 */
export async function exportAgainstOriginal(
  model: TestModel,
  feeds: Record<string, Tensor>,
  opsets: readonly number[] = [DEFAULT_EXPORT_OPSET],
  options: ImportOptions = {},
): Promise<{ graph: Graph; differences: number[] }> {
  const bytes = onnxModel(model);
  const graph = importOnnx(bytes, options);
  const expected = await runOrt(bytes, feeds);
  const differences: number[] = [];
  for (const opset of opsets)
    differences.push(maxOutputDiff(expected, await runOrt(exportOnnx(graph, { opset }), feeds)));
  return { graph, differences };
}
