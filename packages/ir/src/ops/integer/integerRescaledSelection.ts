import { broadcastShapes } from '../../shape/broadcastShapes.js';
import { formatShape, type Shape } from '../../shape/Shape.js';
import type { InferenceContext, OpDefinition } from '../OpDefinition.js';
import {
  activationOutDtype,
  checkRequantizationCount,
  REQUANTIZATION_ATTRIBUTES,
  requireIntegerActivation,
} from './activationRequantization.js';
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
      ...REQUANTIZATION_ATTRIBUTES,
      frac_bits: { kind: 'int', default: 12 },
      input_scale: { kind: 'floats' },
      output_scale: { kind: 'floats' },
    },
    inferTypes(ctx: InferenceContext) {
      const n = ctx.node.inputs.length;
      checkRequantizationCount(ctx, n, `multipliers and shifts need one entry per input (${n})`);
      const shapes: Shape[] = [];
      for (let i = 0; i < n; i++) shapes.push(requireIntegerActivation(ctx, i, `input ${i}`).shape);
      const shape = broadcastShapes(...shapes);
      if (!shape) ctx.fail(`shapes ${shapes.map(formatShape).join(', ')} do not broadcast`);
      return [{ dtype: activationOutDtype(ctx), shape }];
    },
  };
}

/** `qtk::Max`: see {@link rescaledSelectionOp}. */
export const IntegerMax = rescaledSelectionOp('Max');
/** `qtk::Min`: see {@link rescaledSelectionOp}. */
export const IntegerMin = rescaledSelectionOp('Min');
