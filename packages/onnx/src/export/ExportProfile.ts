import type { Node } from '@qtk/ir';
import type { NodeLowering } from './ExportContext.js';

/**
 * A kind of ONNX export: how each node is written and what else goes into the file. The float
 * export is one profile; a QDQ export (quantized ops as QuantizeLinear/DequantizeLinear pairs) or a
 * "visualize" export (every op in a qtk domain with its attributes, and value_info for each value)
 * is another, written against the same {@link ExportContext}.
 */
export interface ExportProfile {
  /** Names the export in errors: `float`. */
  readonly name: string;
  /** Versions of the standard operator set the profile can write. */
  readonly opsets: { readonly min: number; readonly max: number };
  /** How to write `node`, or `undefined` when this export cannot. */
  lowering(node: Node): NodeLowering | undefined;
  /** Write `value_info` with the type of every node output (for viewers). */
  readonly valueInfo?: boolean;
}
