import type { Dim } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';
import { readWindowGeometry, windowGeometryProblem, windowOutputSize } from './windowGeometry.js';

function inferPool(ctx: InferenceContext) {
  const x = ctx.requireInput(0);
  const kernel = ctx.attrs.ints('kernel_shape');
  const rank = kernel.length;
  if (x.shape.length !== rank + 2) ctx.fail(`input rank ${x.shape.length} does not fit a ${rank}-d kernel`);
  const g = readWindowGeometry(ctx.attrs, kernel);
  const problem = windowGeometryProblem(g);
  if (problem) ctx.fail(problem);
  const spatial = x.shape.slice(2).map((d, i): Dim => {
    if (typeof d !== 'number') return d;
    const out = windowOutputSize(
      d,
      kernel[i] as number,
      g.strides[i] as number,
      g.pads[i] as number,
      g.pads[i + rank] as number,
      g.dilations[i] as number,
      g.ceilMode,
    );
    if (out < 1) ctx.fail(`spatial dim ${i} of size ${d} is too small for the kernel`);
    return out;
  });
  return [{ dtype: x.dtype, shape: [x.shape[0] as Dim, x.shape[1] as Dim, ...spatial] }];
}

const windowAttributes = {
  kernel_shape: { kind: 'ints', required: true },
  strides: { kind: 'ints' },
  pads: { kind: 'ints' },
  ceil_mode: { kind: 'int', default: 0 },
} as const;

/** Max pooling; explicit pads only (importers resolve `auto_pad`), padding never wins the max. */
export const MaxPool: CoreOpDefinition<'MaxPool'> = {
  op: 'MaxPool',
  traits: { quantRole: 'passthrough' },
  summary: 'Maximum over each kernel window.',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: { ...windowAttributes, dilations: { kind: 'ints' } },
  inferTypes: inferPool,
};

/** Average pooling; `count_include_pad` decides whether padding counts in the divisor. */
export const AveragePool: CoreOpDefinition<'AveragePool'> = {
  op: 'AveragePool',
  traits: { quantRole: 'compute' },
  summary: 'Mean over each kernel window.',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: { ...windowAttributes, count_include_pad: { kind: 'int', default: 0 } },
  inferTypes: inferPool,
};

function inferGlobalPool(ctx: InferenceContext) {
  const x = ctx.requireInput(0);
  if (x.shape.length < 3) ctx.fail('input must be N x C x spatial...');
  return [{ dtype: x.dtype, shape: [x.shape[0] as Dim, x.shape[1] as Dim, ...x.shape.slice(2).map(() => 1)] }];
}

/** Mean over all spatial dims, keeping them as 1s. */
export const GlobalAveragePool: CoreOpDefinition<'GlobalAveragePool'> = {
  op: 'GlobalAveragePool',
  traits: { quantRole: 'compute' },
  summary: 'Mean over all spatial dims (kept as size 1).',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {},
  inferTypes: inferGlobalPool,
};

/** Maximum over all spatial dims, keeping them as 1s: a selection, as MaxPool is. */
export const GlobalMaxPool: CoreOpDefinition<'GlobalMaxPool'> = {
  op: 'GlobalMaxPool',
  traits: { quantRole: 'passthrough' },
  summary: 'Maximum over all spatial dims (kept as size 1).',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {},
  inferTypes: inferGlobalPool,
};
