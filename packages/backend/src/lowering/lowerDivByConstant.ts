import { type Node, quantizeMultiplier } from '@qtk/ir';
import { emitAtOutputPoint } from './emitAtOutputPoint.js';
import { fakeQuantTarget } from './fakeQuantTarget.js';
import type { LoweringContext } from './LoweringContext.js';
import type { LoweringOutcome } from './OpLowering.js';
import { outputPoint } from './outputPoint.js';
import { perTensorInput } from './perTensorActivation.js';

/** The value of a scalar constant as the QAT model divides by it (after its fake quantization, if any). */
function scalarDivisor(ctx: LoweringContext, node: Node): number | undefined {
  const v = node.inputs[1];
  if (!v) return undefined;
  const l = ctx.get(v);
  const t = l.value.constant;
  if (t?.size !== 1) return undefined;
  const raw = Number(t.toNumbers()[0]);
  return l.kind === 'int' ? raw * (l.scales[0] as number) : raw;
}

/**
 * A Div of an activation by a positive scalar constant (attention's `q / sqrt(d)`, a mean's `/ n`)
 * is a change of scale: one Rescale into the point after it, with the ratio `s_in / (c s_out)`,
 * `c` the divisor as the QAT model divides by it. Any other Div computes new values per element:
 * it falls back, saying why.
 */
export function lowerDivByConstant(ctx: LoweringContext, node: Node): LoweringOutcome {
  const c = scalarDivisor(ctx, node);
  if (c === undefined) return 'its divisor is not a scalar constant: qtk has no integer division';
  if (!(c > 0) || !Number.isFinite(c)) return `its divisor ${Number(c.toPrecision(6))} is not a positive finite number`;
  const fq = outputPoint(ctx, node);
  if (!fq) return false;
  const x = perTensorInput(ctx, node, 0);
  if (typeof x === 'string') return x;
  const target = fakeQuantTarget(fq);
  const sIn = x.scales[0] as number;
  const sOut = target.scales[0] as number;
  const m = quantizeMultiplier(sIn / (c * sOut), node.name);
  return emitAtOutputPoint(ctx, node, fq, target, {
    op: 'Rescale',
    inputs: [x.value],
    attrs: {
      out_dtype: target.dtype,
      multipliers: [m.multiplier],
      shifts: [m.shift],
      input_scale: [sIn / c],
      output_scale: [sOut],
    },
    unit: ctx.policy.units.vector,
  });
}
