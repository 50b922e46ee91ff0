import type { Graph, Tensor } from '@qtk/ir';
import { exportOnnx } from '@qtk/onnx';
import * as ort from 'onnxruntime-node';
import { fromOrtTensor, toOrtTensor } from './tensorConversion.js';

/**
 * Runs `graph` in onnxruntime (exported with `@qtk/onnx` at `opset`, default 17, single-threaded) and returns its outputs
 * by name: the independent reference the simulator's kernels are checked against.
 */
export async function runWithOnnxruntime(
  graph: Graph,
  feeds: Readonly<Record<string, Tensor>>,
  opset?: number,
): Promise<Record<string, Tensor>> {
  const session = await ort.InferenceSession.create(exportOnnx(graph, opset === undefined ? {} : { opset }), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  try {
    const ortFeeds: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = toOrtTensor(t);
    const result = await session.run(ortFeeds);
    const outputs: Record<string, Tensor> = {};
    for (const [name, t] of Object.entries(result)) outputs[name] = fromOrtTensor(t);
    return outputs;
  } finally {
    await session.release();
  }
}
