import type { Dim } from '../../shape/Shape.js';
import type { CoreOpDefinition, InferenceContext } from '../OpDefinition.js';

/** ONNX Tile (opset 6 on: `repeats` is an int64 input with one entry per input dim). */
export const Tile: CoreOpDefinition<'Tile'> = {
  op: 'Tile',
  traits: { quantRole: 'passthrough' },
  summary: 'Repeats the input repeats[i] times along each dim i.',
  inputs: [{ name: 'input' }, { name: 'repeats' }],
  outputs: [{ name: 'output' }],
  attributes: {},
  inferTypes(ctx: InferenceContext) {
    const x = ctx.requireInput(0);
    const r = ctx.requireInput(1);
    if (r.dtype !== 'int64' || r.shape.length !== 1) ctx.fail('repeats must be a 1-D int64 tensor');
    if (typeof r.shape[0] === 'number' && r.shape[0] !== x.shape.length) {
      ctx.fail(`repeats has ${r.shape[0]} entries, the input has rank ${x.shape.length}`);
    }
    const c = ctx.constant(1);
    if (!c) return [{ dtype: x.dtype, shape: x.shape.map(() => '?') }];
    const repeats = c.toNumbers();
    if (repeats.some((n) => n < 0)) ctx.fail(`repeats [${repeats.join(',')}] has a negative entry`);
    const shape: Dim[] = x.shape.map((d, i) => {
      const n = repeats[i] as number;
      if (typeof d === 'number') return d * n;
      return n === 1 ? d : n === 0 ? 0 : '?';
    });
    return [{ dtype: x.dtype, shape }];
  },
};
