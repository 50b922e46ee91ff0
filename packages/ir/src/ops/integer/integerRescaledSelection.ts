import { broadcastShapes } from '../../shape/broadcastShapes.js';
import { formatShape, type Shape } from '../../shape/Shape.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import { isIntegerActivation } from './outputStage.js';
import { QTK_DOMAIN } from './QTK_DOMAIN.js';

/**
 * Integer Max (Min) of one or more activations on the VAE: each input is brought to the output
 * scale with `frac_bits` extra fractional bits, `v_k = multiplyByFixedPoint(x_k, multipliers[k],
 * shifts[k])`, then `y = clamp(floor((max_k v_k + 2^(F-1)) / 2^F))` (min likewise). Rounding is
 * monotone, so this is the rounded maximum of the rescaled inputs. Inputs that share one scale have
 * equal multipliers: the rescale is then only the output's requantization.
 */
export function rescaledSelectionOp<N extends 'Max' | 'Min'>(op: N): OpDefinition<N> {
  return {
    op,
    domain: QTK_DOMAIN,
    summary: `Integer ${op.toLowerCase()}imum of activations rescaled to the output scale.`,
    inputs: [{ name: 'data_0', variadic: true }],
    outputs: [{ name: op.toLowerCase() }],
    attributes: {
      out_dtype: { kind: 'string', required: true },
      multipliers: { kind: 'ints', required: true },
      shifts: { kind: 'ints', required: true },
      frac_bits: { kind: 'int', default: 12 },
      input_scale: { kind: 'floats' },
      output_scale: { kind: 'floats' },
    },
    inferTypes(ctx: InferenceContext) {
      const n = ctx.node.inputs.length;
      if (ctx.attrs.ints('multipliers').length !== n || ctx.attrs.ints('shifts').length !== n) {
        ctx.fail(`multipliers and shifts need one entry per input (${n})`);
      }
      const shapes: Shape[] = [];
      for (let i = 0; i < n; i++) {
        const t = ctx.requireInput(i);
        if (!isIntegerActivation(t.dtype)) ctx.fail(`input ${i} must be int8 or int16, got ${t.dtype}`);
        shapes.push(t.shape);
      }
      const shape = broadcastShapes(...shapes);
      if (!shape) ctx.fail(`shapes ${shapes.map(formatShape).join(', ')} do not broadcast`);
      const out = ctx.attrs.string('out_dtype');
      if (out !== 'int8' && out !== 'int16') ctx.fail(`out_dtype '${out}' is not int8 or int16`);
      return [{ dtype: out, shape }];
    },
  };
}

/** `qtk::Max`: see {@link rescaledSelectionOp}. */
export const IntegerMax = rescaledSelectionOp('Max');
/** `qtk::Min`: see {@link rescaledSelectionOp}. */
export const IntegerMin = rescaledSelectionOp('Min');
