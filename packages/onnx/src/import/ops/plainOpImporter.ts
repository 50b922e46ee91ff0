import { type CopiedAttributeKind, copyAttributes } from './copyAttributes.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/**
 * An ONNX op that is the core op of the same name: `inputs` inputs (or `inputs` to `total`), and
 * the attributes in `attributes` copied over when the node sets them (the core op's defaults are
 * ONNX's).
 */
export function plainOpImporter(
  op: string,
  since: number,
  inputs: number,
  attributes: Readonly<Record<string, CopiedAttributeKind>> = {},
  total = inputs,
): OnnxOpImporter {
  return {
    op,
    since,
    import(ctx) {
      ctx.emit(op, nodeInputs(ctx, inputs, total), copyAttributes(ctx, attributes));
    },
  };
}
