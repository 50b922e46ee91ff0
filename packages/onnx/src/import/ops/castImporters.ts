import { dtypeFromOnnx, onnxDataTypeName } from '../../schema/onnxDataType.js';
import type { NodeImportContext } from '../NodeImportContext.js';
import { nodeInputs } from './nodeInputs.js';
import type { OnnxOpImporter } from './OnnxOpImporter.js';

/** Cast (opset 6 on: `to` is an element type code; before, a string). `saturate` only concerns float8. */
export const castImporter: OnnxOpImporter = {
  op: 'Cast',
  since: 6,
  import(ctx: NodeImportContext) {
    const inputs = nodeInputs(ctx, 1);
    const code = ctx.attrs.int('to');
    if (code === undefined) ctx.fail("needs attribute 'to'");
    const to = dtypeFromOnnx(code);
    if (!to) ctx.unsupported(`cannot cast to ${onnxDataTypeName(code)}: qtk has no such dtype`);
    ctx.emit('Cast', inputs, { to });
  },
};

/** CastLike (opset 15): a Cast to its second input's dtype; the second input's values are not read. */
export const castLikeImporter: OnnxOpImporter = {
  op: 'CastLike',
  since: 15,
  import(ctx: NodeImportContext) {
    nodeInputs(ctx, 2);
    ctx.emit('Cast', [ctx.requireInput(0)], { to: ctx.requireInput(1).type.dtype });
  },
};
