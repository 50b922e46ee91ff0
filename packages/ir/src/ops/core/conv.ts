import type { Dim } from '../../shape/Shape.js';
import { formatShape } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import { CONVOLUTION_ATTRIBUTES, convolutionOperands } from './convolutionOperands.js';
import { readWindowGeometry, windowGeometryProblem, windowOutputSize } from './windowGeometry.js';

/**
 * N-d convolution, NCHW, with groups and dilations; explicit pads only (importers resolve ONNX's
 * `auto_pad`). W is `[O, I/group, k...]`, so per-output-channel quantization is along axis 0.
 */
export const Conv: CoreOpDefinition<'Conv'> = {
  op: 'Conv',
  traits: { quantRole: 'gemm', parameterInputs: [2], weight: () => ({ index: 1, axis: 0 }) },
  summary: 'Convolution over NC[D]HW input with groups, strides, pads and dilations.',
  inputs: [{ name: 'X' }, { name: 'W' }, { name: 'B', optional: true }],
  outputs: [{ name: 'Y' }],
  attributes: CONVOLUTION_ATTRIBUTES,
  inferTypes(ctx: InferenceContext) {
    const { x, w, rank, kernel } = convolutionOperands(ctx, '[O, I/group, k...]');
    const g = readWindowGeometry(ctx.attrs, kernel);
    const problem = windowGeometryProblem(g);
    if (problem) ctx.fail(problem);
    const group = ctx.attrs.int('group');
    const [o, ipg] = w.shape as [Dim, Dim];
    const c = x.shape[1] as Dim;
    if (typeof c === 'number' && typeof ipg === 'number' && c !== ipg * group) {
      ctx.fail(
        `input has ${c} channels, weight ${formatShape(w.shape)} with group ${group} expects ${Number(ipg) * group}`,
      );
    }
    if (typeof o === 'number' && o % group !== 0) ctx.fail(`output channels ${o} not divisible by group ${group}`);
    const b = ctx.inputType(2);
    if (b && !(b.shape.length === 1 && (b.shape[0] === o || typeof o === 'string'))) {
      ctx.fail(`bias must be [${o}], got ${formatShape(b.shape)}`);
    }
    const spatial = x.shape.slice(2).map((d, i): Dim => {
      if (typeof d !== 'number') return d;
      const out = windowOutputSize(
        d,
        g.kernel[i] as number,
        g.strides[i] as number,
        g.pads[i] as number,
        g.pads[i + rank] as number,
        g.dilations[i] as number,
        false,
      );
      if (out < 1) ctx.fail(`spatial dim ${i} of size ${d} is too small for the kernel`);
      return out;
    });
    return [{ dtype: x.dtype, shape: [x.shape[0] as Dim, o, ...spatial] }];
  },
};
