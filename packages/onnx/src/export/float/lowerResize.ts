import { type Node, QtkError, readResizeAttributes, Tensor } from '@qtk/ir';
import type { ExportContext, NodeLowering } from '../ExportContext.js';

/** The first opset whose Resize takes `axes` and `keep_aspect_ratio_policy`. */
const RESIZE_AXES_OPSET = 18;
/** The first opset whose Resize has `half_pixel_symmetric`. */
const HALF_PIXEL_SYMMETRIC_OPSET = 19;

function opsetError(node: Node, what: string, opset: number, writing: number): QtkError {
  return new QtkError(
    'onnx.export-opset',
    `node '${node.name}' (Resize) uses ${what}, which ONNX has from opset ${opset}; this export writes opset ${writing}`,
  );
}

/**
 * Before opset 18 Resize has no `axes`: `roi`, `scales` and `sizes` for the listed axes are written
 * for every axis (scale 1, the input's length, the crop [0, 1] for the others); they must be
 * constants, and the input's lengths static where sizes needs them.
 */
function spreadOverAllAxes(node: Node, ctx: ExportContext, axes: readonly number[]): string[] {
  const x = node.input(0);
  const rank = x.type.shape.length;
  const constant = (i: number, what: string): number[] | undefined => {
    const v = node.inputs[i];
    if (!v) return undefined;
    if (!v.constant) {
      throw new QtkError(
        'onnx.export-opset',
        `node '${node.name}' (Resize) has axes and a computed ${what}; before opset ${RESIZE_AXES_OPSET} qtk writes axes only with a constant ${what}`,
      );
    }
    return v.constant.toNumbers();
  };
  const spread = (values: readonly number[], fill: (k: number) => number) =>
    Array.from({ length: rank }, (_, k) => (axes.includes(k) ? (values[axes.indexOf(k)] as number) : fill(k)));
  const names: string[] = [ctx.valueName(x), '', '', ''];
  const roi = constant(1, 'roi');
  if (roi) {
    const n = axes.length;
    const full = [...spread(roi.slice(0, n), () => 0), ...spread(roi.slice(n), () => 1)];
    names[1] = ctx.addInitializer(`/${node.name}/roi`, Tensor.float32([2 * rank], full));
  }
  const scales = constant(2, 'scales');
  if (scales)
    names[2] = ctx.addInitializer(
      `/${node.name}/scales`,
      Tensor.float32(
        [rank],
        spread(scales, () => 1),
      ),
    );
  const sizes = constant(3, 'sizes');
  if (sizes) {
    const full = spread(sizes, (k) => {
      const d = x.type.shape[k];
      if (typeof d !== 'number') {
        throw new QtkError(
          'onnx.export-opset',
          `node '${node.name}' (Resize) has axes and input dim ${k} is symbolic; before opset ${RESIZE_AXES_OPSET} its size cannot be written`,
        );
      }
      return d;
    });
    names[3] = ctx.addInitializer(`/${node.name}/sizes`, Tensor.int64([rank], full));
  }
  return names;
}

/**
 * Resize as it is from opset 18 (axes, keep_aspect_ratio_policy) and 19 (half_pixel_symmetric);
 * before, the axes spread over all axes, and the newer forms are errors naming the opset they need.
 */
export const lowerResize: NodeLowering = (node, ctx) => {
  const x = node.input(0);
  const attrs = readResizeAttributes(ctx.graph.registry.attributesOf(node), x.type.shape.length);
  if (typeof attrs === 'string')
    throw new QtkError('onnx.export-unsupported', `node '${node.name}' (Resize): ${attrs}`);
  if (attrs.coordinateTransformationMode === 'half_pixel_symmetric' && ctx.opset < HALF_PIXEL_SYMMETRIC_OPSET) {
    throw opsetError(node, 'half_pixel_symmetric', HALF_PIXEL_SYMMETRIC_OPSET, ctx.opset);
  }
  const old = ctx.opset < RESIZE_AXES_OPSET;
  if (old && attrs.keepAspectRatioPolicy !== 'stretch') {
    throw opsetError(node, `keep_aspect_ratio_policy ${attrs.keepAspectRatioPolicy}`, RESIZE_AXES_OPSET, ctx.opset);
  }
  const inputs =
    old && node.attrs.axes !== undefined
      ? spreadOverAllAxes(node, ctx, attrs.axes)
      : node.inputs.map((v) => ctx.valueName(v));
  ctx.emit({
    op: 'Resize',
    name: node.name,
    inputs,
    outputs: [ctx.valueName(node.output())],
    attributes: ctx.attributesOf(node, old ? { axes: null, keep_aspect_ratio_policy: null } : {}),
  });
};
