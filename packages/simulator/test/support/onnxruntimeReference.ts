import type { Attributes, Graph, Tensor } from '@qtk/ir';
import { exportOnnx } from '@qtk/onnx';
import * as ort from 'onnxruntime-node';
import { runGraph } from '../../src/index.js';
import { type Difference, expectClose } from './expectClose.js';
import { type OpArg, singleOpGraph } from './singleOpGraph.js';
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

/**
 * A row of a table of single ops checked against onnxruntime: its arguments are drawn when it
 * runs (after the test seeds the generator).
 */
export interface OnnxruntimeCase {
  readonly name: string;
  readonly op: string;
  readonly args: () => OpArg[];
  readonly attrs?: Attributes;
  readonly outputs?: number;
  /** Export opset (default 17; int16 quantization needs 21). */
  readonly opset?: number;
}

/** One op checked against onnxruntime: what it is called in failures, the op, its arguments and attributes. */
export interface SingleOpCheck {
  readonly what: string;
  readonly op: string;
  readonly args: readonly OpArg[];
  readonly attrs?: Attributes;
  readonly outputs?: number;
  /** The export opset onnxruntime runs (default 17). */
  readonly opset?: number;
  /** Tolerance of floats relative to max(|reference|, 1) (see `expectClose`). */
  readonly rtol: number;
}

/**
 * Runs one op on its arguments in the simulator and in onnxruntime (see {@link runWithOnnxruntime})
 * and expects every output to agree (`expectClose`); returns the differences, output by output.
 */
export async function expectSingleOpMatchesOnnxruntime(check: SingleOpCheck): Promise<Difference[]> {
  const { graph, feeds } = singleOpGraph(check.op, check.args, check.attrs, check.outputs);
  const ours = runGraph(graph, feeds).outputs;
  const reference = await runWithOnnxruntime(graph, feeds, check.opset);
  return graph.outputs.map((v) =>
    expectClose(ours[v.name], reference[v.name] as Tensor, check.rtol, `${check.what}: ${v.name}`),
  );
}
