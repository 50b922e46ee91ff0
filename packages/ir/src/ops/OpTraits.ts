import type { Node } from '../graph/Node.js';
import type { AttributeReader } from './AttributeReader.js';

/**
 * What quantization does with an op:
 * - `gemm`: integer products on a tensor engine (Linear, Conv, MatMul, Gemm, ConvTranspose):
 *   quantized inputs, per-channel weights, an output that may stay high-precision;
 * - `compute`: any other op that computes new values (Add, LayerNorm, Softmax, Sigmoid, ...):
 *   quantized inputs and its own output scale;
 * - `passthrough`: only moves or selects values (ReLU, Clip, MaxPool, reshapes, slicing, Concat,
 *   Pad, nearest Resize): it keeps its input's quantization, no new scale;
 * - `quant-stub` / `dequant-stub`: where quantization starts and ends;
 * - `float`: never quantized (shape and index arithmetic, fake quantization itself).
 *
 * Whatever the role, an op whose outputs are not floating point is not quantized.
 */
export type QuantRole = 'gemm' | 'compute' | 'passthrough' | 'quant-stub' | 'dequant-stub' | 'float';

/** The constant weight of a GEMM and the axis its per-output-channel scales run along. */
export interface WeightInput {
  readonly index: number;
  readonly axis: number;
}

/**
 * Facts about an op that the passes after the IR (quantization, conversion, export) act on. They
 * live on the op's definition so that adding an op means writing them once, where the op is
 * defined; `DEVELOPERS.md` lists what else an op needs.
 */
export interface OpTraits {
  readonly quantRole: QuantRole;
  /**
   * Inputs that are part of the op's own arithmetic rather than activations: a bias (int32 at
   * convert), normalization statistics, clip bounds, a pad value, interpolation coordinates. They
   * are never fake-quantized as activations, and a passthrough op does not take its quantization
   * from them. Integer inputs (shapes, axes, indices) are never quantized whatever this says.
   */
  readonly parameterInputs?: readonly number[];
  /**
   * The activation inputs must share one scale (Concat; Add and Sub of two activations; Max, Min,
   * Where): calibration gives them one observer, so conversion needs no rescale between them.
   */
  readonly sharedInputScale?: boolean;
  /** For a GEMM: its constant weight and per-channel axis, when the node has one. */
  weight?(node: Node, attrs: AttributeReader): WeightInput | undefined;
  /** The BPU computes the op's internals in int16 whatever its qconfig says (LayerNorm, Softmax). */
  readonly int16Internals?: boolean;
  /**
   * Inputs the vendor's int8 presets quantize as int16, together with the ops that compute them
   * back to the first GEMM or QuantStub (GridSample's grid: coordinates over a wide range, which
   * int8 would place too coarsely).
   */
  readonly int16Inputs?: readonly number[];
  /**
   * The role of one node, for an op whose role depends on its attributes (Resize: nearest only
   * moves values, linear and cubic compute new ones). When present, the registry's
   * `OpRegistry.traitsOf` gives a node this role in place of `quantRole`, which then names
   * the role of the op's general case.
   */
  roleOf?(node: Node, attrs: AttributeReader): QuantRole;
}

/** The traits of an op whose definition declares none: a `compute` op. */
export const DEFAULT_OP_TRAITS: OpTraits = { quantRole: 'compute' };
