import type { AttributeSpec } from '../graph/Attribute.js';
import type { Node } from '../graph/Node.js';
import type { TensorType } from '../graph/TensorType.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { AttributeReader } from './AttributeReader.js';
import type { Kernel } from './Kernel.js';
import type { OpTraits } from './OpTraits.js';

/** One declared input of an op. */
export interface InputSpec {
  readonly name: string;
  /** May be absent (`null` in the node's inputs). */
  readonly optional?: boolean;
  /** Takes any number (at least one) of inputs; only the last input may be variadic. */
  readonly variadic?: boolean;
}

/** One declared output of an op. */
export interface OutputSpec {
  readonly name: string;
  /** May be left off (trailing outputs only), as LayerNorm's Mean and InvStdDev. */
  readonly optional?: boolean;
  /** Any number (at least one) of outputs; only the last output may be variadic. */
  readonly variadic?: boolean;
}

/** What shape inference sees of a node. */
export interface InferenceContext {
  readonly node: Node;
  readonly attrs: AttributeReader;
  /** Number of outputs the node has. */
  readonly outputCount: number;
  /** Static type of input `index`, `undefined` when the input is absent. */
  inputType(index: number): TensorType | undefined;
  /** Static type of input `index`, which must be present. */
  requireInput(index: number): TensorType;
  /** The constant data of input `index`, when it is a constant. */
  constant(index: number): Tensor | undefined;
  /** Throws a {@link QtkError} that names the node and says what is wrong. */
  fail(message: string): never;
}

/**
 * The definition of an op type: its signature, its attributes, its shape inference, its traits
 * and, for ops a backend adds, its kernel. `N` is the op's name as a literal type, so that tables
 * keyed by qtk's core ops ({@link CoreOpName}) are checked complete at compile time.
 */
export interface OpDefinition<N extends string = string> {
  readonly op: N;
  /** `''` (or absent) for qtk's core ops. */
  readonly domain?: string;
  /** One line: what the op computes. */
  readonly summary: string;
  readonly inputs: readonly InputSpec[];
  readonly outputs: readonly OutputSpec[];
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  /** Output types from input types, constants and attributes. */
  inferTypes(ctx: InferenceContext): TensorType[];
  /** What quantization and conversion need to know of the op; a `compute` op when absent. */
  readonly traits?: OpTraits;
  /** A reference kernel, for ops the simulator does not implement itself. */
  readonly kernel?: Kernel;
}

/** The definition of one of qtk's core ops, whose traits are never left to the default. */
export interface CoreOpDefinition<N extends string = string> extends OpDefinition<N> {
  readonly traits: OpTraits;
}
