import { type DType, Tensor } from '@qtk/ir';
import * as ort from 'onnxruntime-node';

const ORT_TYPES: Partial<Record<DType, ort.Tensor.Type>> = { float32: 'float32', int64: 'int64' };

/** Options of {@link runOnnxruntime}. */
export interface OrtRunOptions {
  /** onnxruntime's graph optimizations (default `'all'`, what a deployment uses). */
  optimization?: 'disabled' | 'basic' | 'extended' | 'all';
  /** Where onnxruntime should write the model it actually runs (after its optimizations). */
  optimizedModelPath?: string;
  /**
   * `session.qdq_matmulnbits_accuracy_level`: how the MatMulNBits kernel that onnxruntime fuses
   * `DequantizeLinear(int8 weight) -> MatMul` into computes. onnxruntime's default, 4, quantizes the
   * activation to int8 on the fly (blockwise, its own scales); 1 computes in float32.
   */
  matMulNBitsAccuracyLevel?: number;
}

/**
 * Runs ONNX model bytes in onnxruntime-node, single-threaded (so results do not depend on the
 * machine's cores), and returns every output as a qtk tensor.
 */
export async function runOnnxruntime(
  model: Uint8Array,
  feeds: Readonly<Record<string, Tensor>>,
  options: OrtRunOptions = {},
): Promise<Record<string, Tensor>> {
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: options.optimization ?? 'all',
    ...(options.optimizedModelPath ? { optimizedModelFilePath: options.optimizedModelPath } : {}),
    logSeverityLevel: 3,
    ...(options.matMulNBitsAccuracyLevel === undefined
      ? {}
      : { extra: { session: { qdq_matmulnbits_accuracy_level: String(options.matMulNBitsAccuracyLevel) } } }),
  });
  try {
    const inputs: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) {
      const type = ORT_TYPES[t.dtype];
      if (!type) throw new Error(`feed '${name}' is ${t.dtype}; these tests feed float32 or int64`);
      inputs[name] = new ort.Tensor(type, t.data as Float32Array, [...t.shape]);
    }
    const results = await session.run(inputs);
    const out: Record<string, Tensor> = {};
    for (const [name, t] of Object.entries(results)) {
      if (t.type !== 'float32') throw new Error(`output '${name}' is ${t.type}; these tests read float32`);
      out[name] = new Tensor('float32', [...t.dims], (t.data as Float32Array).slice());
    }
    return out;
  } finally {
    await session.release();
  }
}
