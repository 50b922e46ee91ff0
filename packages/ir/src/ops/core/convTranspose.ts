import type { Dim } from '../../shape/Shape.js';
import { formatShape } from '../../shape/Shape.js';
import type { AttributeReader } from '../AttributeReader.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import { CONVOLUTION_ATTRIBUTES, convolutionOperands } from './convolutionOperands.js';
import { readWindowGeometry, windowGeometryProblem } from './windowGeometry.js';

/** The window of a ConvTranspose over its spatial dims, every default filled in. */
export interface ConvTransposeGeometry {
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  /** ONNX order: all begins, then all ends; they crop the full (unpadded) result. */
  readonly pads: readonly number[];
  readonly dilations: readonly number[];
  /** Extra positions at the end of each spatial dim. */
  readonly outputPadding: readonly number[];
}

/**
 * Output size of one spatial dim of a ConvTranspose (ONNX and PyTorch agree):
 * `stride (input - 1) + output_padding + dilation (kernel - 1) + 1 - pad_begin - pad_end`.
 */
export function convTransposeOutputSize(
  input: number,
  kernel: number,
  stride: number,
  padBegin: number,
  padEnd: number,
  dilation: number,
  outputPadding: number,
): number {
  return stride * (input - 1) + outputPadding + dilation * (kernel - 1) + 1 - padBegin - padEnd;
}

/** Reads strides, pads, dilations and output_padding of a ConvTranspose with `kernel` over its spatial dims. */
export function readConvTransposeGeometry(attrs: AttributeReader, kernel: readonly number[]): ConvTransposeGeometry {
  const g = readWindowGeometry(attrs, kernel);
  return {
    kernel,
    strides: g.strides,
    pads: g.pads,
    dilations: g.dilations,
    outputPadding: attrs.optionalInts('output_padding') ?? new Array<number>(kernel.length).fill(0),
  };
}

/** Checks the geometry's lists and values; returns a message when something is wrong. */
export function convTransposeGeometryProblem(g: ConvTransposeGeometry): string | undefined {
  const problem = windowGeometryProblem({ ...g, ceilMode: false });
  if (problem) return problem;
  const rank = g.kernel.length;
  if (g.outputPadding.length !== rank) return `output_padding has ${g.outputPadding.length} entries, expected ${rank}`;
  if (g.outputPadding.some((v) => v < 0)) return 'output_padding must be >= 0';
  return undefined;
}

/**
 * N-d transposed convolution (the gradient of Conv with respect to its input), NCHW, with groups,
 * strides, dilations, explicit pads (which crop the full result) and output_padding (extra
 * positions at the end); importers resolve ONNX's `auto_pad` and `output_shape`. W is
 * `[C_in, C_out/group, k...]`, so the per-output-channel weight axis is 1.
 */
export const ConvTranspose: CoreOpDefinition<'ConvTranspose'> = {
  op: 'ConvTranspose',
  traits: { quantRole: 'gemm', parameterInputs: [2], weight: () => ({ index: 1, axis: 1 }) },
  summary: 'Transposed convolution over NC[D]HW input with groups, strides, pads, dilations and output_padding.',
  inputs: [{ name: 'X' }, { name: 'W' }, { name: 'B', optional: true }],
  outputs: [{ name: 'Y' }],
  attributes: { ...CONVOLUTION_ATTRIBUTES, output_padding: { kind: 'ints' } },
  inferTypes(ctx: InferenceContext) {
    const { x, w, rank, kernel } = convolutionOperands(ctx, '[C_in, C_out/group, k...]');
    const declared = ctx.attrs.optionalInts('kernel_shape');
    if (declared && (declared.length !== rank || declared.some((k, i) => k !== kernel[i])))
      ctx.fail(`kernel_shape ${formatShape(declared)} does not match weight ${formatShape(w.shape)}`);
    const g = readConvTransposeGeometry(ctx.attrs, kernel);
    const problem = convTransposeGeometryProblem(g);
    if (problem) ctx.fail(problem);
    const group = ctx.attrs.int('group');
    if (group < 1) ctx.fail(`group must be >= 1, got ${group}`);
    const [cin, opg] = w.shape as [Dim, Dim];
    const c = x.shape[1] as Dim;
    if (typeof c === 'number' && typeof cin === 'number' && c !== cin)
      ctx.fail(`input has ${c} channels, weight ${formatShape(w.shape)} expects ${cin}`);
    if (typeof cin === 'number' && cin % group !== 0) ctx.fail(`input channels ${cin} not divisible by group ${group}`);
    const o: Dim = typeof opg === 'number' ? opg * group : '?';
    const b = ctx.inputType(2);
    if (b && !(b.shape.length === 1 && (b.shape[0] === o || typeof o === 'string' || typeof b.shape[0] === 'string')))
      ctx.fail(`bias must be [${o}], got ${formatShape(b.shape)}`);
    const spatial = x.shape.slice(2).map((d, i): Dim => {
      if (typeof d !== 'number') return '?';
      const out = convTransposeOutputSize(
        d,
        g.kernel[i] as number,
        g.strides[i] as number,
        g.pads[i] as number,
        g.pads[i + rank] as number,
        g.dilations[i] as number,
        g.outputPadding[i] as number,
      );
      if (out < 1) ctx.fail(`spatial dim ${i} of size ${d} gives an empty output with these pads`);
      return out;
    });
    return [{ dtype: x.dtype, shape: [x.shape[0] as Dim, o, ...spatial] }];
  },
};
