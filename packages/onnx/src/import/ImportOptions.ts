import type { OpRegistry } from '@qtk/ir';
import type { ConstantEvaluator } from '../fold/ConstantEvaluator.js';

/** Options of {@link importOnnx}. */
export interface ImportOptions {
  /** Names the model in errors and in `graph.metadata.source` (default `model.onnx`). */
  source?: string;
  /**
   * Reads a side file of tensors stored as ONNX external data, by its location relative to the
   * model's directory. {@link loadOnnx} provides one; without it such models are an error.
   */
  readExternal?: (location: string) => Uint8Array;
  /** Folds nodes whose inputs are all constants (beyond Constant, Identity and static Shape). */
  evaluate?: ConstantEvaluator;
  /** Restore the layers PyTorch decomposed (Linear, Conv+BatchNorm, LayerNorm, GELU); default true. */
  fuse?: boolean;
  /** The op registry of the new graph (default: the global one). */
  registry?: OpRegistry;
}
