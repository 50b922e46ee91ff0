import type { NodeLowering } from '../ExportContext.js';

/** The first opset whose GridSample names its modes `linear` and `cubic` (and takes N-D input). */
const GRID_SAMPLE_RENAMED_OPSET = 20;

const RENAMED: Readonly<Record<string, string>> = { bilinear: 'linear', bicubic: 'cubic' };

/** GridSample; from opset 20 the modes bilinear and bicubic are called linear and cubic. */
export const lowerGridSample: NodeLowering = (node, ctx) => {
  const mode = node.attrs.mode;
  const renamed = ctx.opset >= GRID_SAMPLE_RENAMED_OPSET && typeof mode === 'string' ? RENAMED[mode] : undefined;
  ctx.emit({
    op: 'GridSample',
    name: node.name,
    inputs: node.inputs.map((v) => ctx.valueName(v)),
    outputs: [ctx.valueName(node.output())],
    attributes: [
      ...ctx.attributesOf(node, renamed ? { mode: null } : {}),
      ...(renamed ? [ctx.attribute(node, 'mode', renamed)] : []),
    ],
  });
};
