import type { NodeLowering } from '../ExportContext.js';
import { viewedAttributes } from './viewedAttributes.js';

/** The version a visualize file gives the `qtk` domain and any other non-standard domain it uses. */
export const VISUALIZE_DOMAIN_VERSION = 1;

/**
 * A node as it is in qtk: one ONNX node of the same op type, domain, name, inputs and outputs, with
 * {@link viewedAttributes} and the op definition's one-line summary as its description.
 */
export const lowerForViewing: NodeLowering = (node, ctx) => {
  if (node.domain !== '') ctx.useOpset(node.domain, VISUALIZE_DOMAIN_VERSION);
  ctx.emit({
    op: node.op,
    domain: node.domain,
    name: node.name,
    inputs: node.inputs.map((v) => ctx.valueName(v)),
    outputs: node.outputs.map((v) => ctx.valueName(v)),
    attributes: viewedAttributes(node, ctx),
    docString: ctx.graph.registry.definitionOf(node).summary,
  });
};
