import {
  type Node,
  quantizeMultiplier,
  quantizeTensor,
  roundHalfToEven,
  scaleFromAbsMax,
  Tensor,
  type Value,
} from '@qtk/ir';
import type { LoweringContext } from './LoweringContext.js';

/** The integer parameters of a normalization with int16 internals, and its attributes. */
export interface NormalizationParameters {
  /** Gamma as int16 (one scale for all of it), or null when the op has none. */
  readonly gamma: Value | null;
  /** Beta as int32 in output units with `frac_bits` extra bits, or null. */
  readonly beta: Value | null;
  readonly attrs: {
    readonly epsilon_int: number;
    readonly multiplier: number;
    readonly shift: number;
    readonly frac_bits: number;
  };
}

/**
 * The integers of the normalization arithmetic LayerNorm and InstanceNorm share (see
 * `IntegerLayerNorm` in `@qtk/ir`): gamma int16 per tensor at s_g = absmax / 32767.5, beta int32 as
 * `round(b / s_out 2^f)`, epsilon in the statistics' units (eps D^2 / s_x^2, D values per row), and
 * s_g / s_out as a fixed-point multiplier. `gamma` and `beta` are flat (`count` values).
 */
export function normalizationParameters(
  ctx: LoweringContext,
  node: Node,
  gamma: Tensor | undefined,
  beta: Tensor | undefined,
  count: number,
  d: number,
  sx: number,
  sOut: number,
  epsilon: number,
): NormalizationParameters {
  const f = ctx.policy.layerNormFracBits;
  let gammaValue = null;
  let sg = 1;
  if (gamma) {
    const g = gamma.toNumbers();
    sg = scaleFromAbsMax(Math.max(...g.map(Math.abs)), 'qint16');
    gammaValue = ctx.graph.addConstant(
      `${node.name}.gamma_int16`,
      quantizeTensor(gamma.reshape([count]), { dtype: 'qint16', scales: [sg] }),
    );
  }
  const betaValue = beta
    ? ctx.graph.addConstant(
        `${node.name}.beta_int32`,
        new Tensor(
          'int32',
          [count],
          Int32Array.from(beta.toNumbers(), (b) => roundHalfToEven((b / sOut) * 2 ** f)),
        ),
      )
    : null;
  const m = quantizeMultiplier(sg / sOut, node.name);
  return {
    gamma: gammaValue,
    beta: betaValue,
    attrs: {
      epsilon_int: roundHalfToEven((epsilon * d * d) / (sx * sx)),
      multiplier: m.multiplier,
      shift: m.shift,
      frac_bits: f,
    },
  };
}
