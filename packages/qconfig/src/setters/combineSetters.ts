import { type FakeQuantConfig, inputConfigOf, type QConfig } from '../QConfig.js';
import { defaultCalibrationQconfigSetter } from './presets.js';
import type { QconfigSetter, SetterDecision } from './QconfigSetter.js';
import type { SetterContext } from './SetterContext.js';

/** The qconfig an op ends up with, and the rule that decided it, for the qconfig table. */
export interface OpDecision {
  readonly qconfig: QConfig;
  readonly rule: string;
}

/**
 * Combines setters (SPEC section 5): for each op the first setter with a full qconfig wins; output
 * dtypes set by name by setters before it apply on top; ops no setter decides get the default
 * calibration template's decision.
 */
export function combineSetters(setters: readonly QconfigSetter[], ctx: SetterContext): Map<string, OpDecision> {
  const decided = setters.map((s) => s.decide(ctx));
  const fallback = defaultCalibrationQconfigSetter.decide(ctx);
  const out = new Map<string, OpDecision>();
  for (const node of ctx.ops) {
    let full: OpDecision | undefined;
    let override: Extract<SetterDecision, { outDtype: unknown }> | undefined;
    for (const d of decided) {
      const decision = d.get(node.name);
      if (!decision) continue;
      if ('qconfig' in decision) {
        full = decision;
        break;
      }
      override ??= decision;
    }
    if (!full) {
      const f = fallback.get(node.name) as Extract<SetterDecision, { qconfig: unknown }>;
      full = { qconfig: f.qconfig, rule: `default (no setter set this op): ${f.rule}` };
    }
    if (override) {
      const template = full.qconfig.output ?? inputConfigOf(full.qconfig, 0);
      const base: FakeQuantConfig = template ?? { dtype: override.outDtype, observer: { kind: 'mse' } };
      full = {
        qconfig: { ...full.qconfig, output: { ...base, dtype: override.outDtype } },
        rule: `${override.rule} (over ${full.rule})`,
      };
    }
    out.set(node.name, full);
  }
  return out;
}
