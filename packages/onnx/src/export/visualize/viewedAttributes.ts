import type { AttributeValue, Node } from '@qtk/ir';
import type { onnx } from '../../schema/generated/onnx.js';
import type { ExportContext } from '../ExportContext.js';
import { encodeAttribute } from '../encodeAttribute.js';

function isEmptyList(value: AttributeValue): boolean {
  return Array.isArray(value) && value.length === 0;
}

/**
 * What a viewer should show of a node: every attribute it sets, plus the op definition's defaults
 * for those it leaves unset (a reader wants the rounding or the overflow rule the op applies, not
 * only what the backend chose to write; empty-list defaults mean "not used" and are left out), typed
 * by the definition; then each annotation (`unit`, `fallback`, ...) as a string attribute, named
 * `annotation.<name>` where it would hide an attribute of the same name.
 */
export function viewedAttributes(node: Node, ctx: ExportContext): onnx.AttributeProto.$Properties[] {
  const definition = ctx.graph.registry.definitionOf(node);
  const out = ctx.attributesOf(node);
  for (const [name, spec] of Object.entries(definition.attributes)) {
    if (node.attrs[name] !== undefined || spec.default === undefined || isEmptyList(spec.default)) continue;
    out.push(ctx.attribute(node, name, spec.default));
  }
  const taken = new Set(out.map((a) => a.name));
  for (const [name, text] of Object.entries(node.annotations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(encodeAttribute(taken.has(name) ? `annotation.${name}` : name, 'string', text));
  }
  return out;
}
