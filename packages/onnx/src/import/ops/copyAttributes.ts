import type { AttributeValue } from '@qtk/ir';
import type { NodeImportContext } from '../NodeImportContext.js';

/** The ONNX types of attributes that carry over to the core op unchanged. */
export type CopiedAttributeKind = 'int' | 'ints' | 'float' | 'string';

/** The attributes in `kinds` that the node sets, read with their types, ready for the core op. */
export function copyAttributes(
  ctx: NodeImportContext,
  kinds: Readonly<Record<string, CopiedAttributeKind>>,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const v =
      kind === 'int'
        ? ctx.attrs.int(name)
        : kind === 'ints'
          ? ctx.attrs.ints(name)
          : kind === 'float'
            ? ctx.attrs.float(name)
            : ctx.attrs.string(name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}
