import { type Node, quantizeMultiplier } from '@qtk/ir';
import { emitAtOutputPoint } from './emitAtOutputPoint.js';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import { lowerLookupTable } from './lowerLookupTable.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { perTensorInput } from './perTensorActivation.js';

/** A signed ratio as a fixed-point multiplier whose sign is the ratio's. */
function signedMultiplier(ratio: number, what: string): { multiplier: number; shift: number } {
  const m = quantizeMultiplier(Math.abs(ratio), what);
  return { multiplier: ratio < 0 ? -m.multiplier : m.multiplier, shift: m.shift };
}

/**
 * PRelu: with one slope it is a scalar function of its input, a lookup table like LeakyRelu; with
 * one slope per channel (PyTorch's `nn.PReLU(C)`, slope [C, 1, 1]) qtk's integer PRelu, whose
 * negative side has one (signed) multiplier per channel. A slope that is not a constant, or that
 * varies along more than one axis, stays float.
 */
export function lowerPRelu(ctx: LoweringContext, node: Node): LoweringOutcome {
  const slope = node.input(1).constant;
  if (!slope) return 'its slope is not a constant';
  if (slope.size === 1) return lowerLookupTable(ctx, node);
  const fq = outputPoint(ctx, node);
  if (!fq) return false;
  const x = perTensorInput(ctx, node, 0);
  if (typeof x === 'string') return x;
  const rank = node.input(0).type.shape.length;
  const offset = rank - slope.rank;
  const varying = slope.shape.flatMap((d, i) => (d > 1 ? [i + offset] : []));
  if (varying.length !== 1) return 'its slope varies along more than one axis';
  const axis = varying[0] as number;
  const target = fakeQuantTarget(fq);
  const sIn = x.scales[0] as number;
  const sOut = target.scales[0] as number;
  const slopes = slope.toNumbers();
  const positive = quantizeMultiplier(sIn / sOut, node.name);
  const negative = slopes.map((a) => signedMultiplier((a * sIn) / sOut, node.name));
  return emitAtOutputPoint(ctx, node, fq, target, {
    op: 'PRelu',
    inputs: [x.value],
    attrs: {
      out_dtype: target.dtype,
      multipliers: [positive.multiplier],
      shifts: [positive.shift],
      negative_multipliers: negative.map((m) => m.multiplier),
      negative_shifts: negative.map((m) => m.shift),
      axis,
      input_scale: [sIn],
      slopes,
      output_scale: [sOut],
    },
    unit: ctx.policy.units.vector,
  });
}
