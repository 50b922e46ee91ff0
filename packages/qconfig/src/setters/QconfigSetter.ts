import type { QuantDType } from '@qtk/ir';
import type { QConfig } from '../QConfig.js';
import type { SetterContext } from './SetterContext.js';

/**
 * One setter's decision for one op: a full {@link QConfig}, or only an output dtype to apply on top
 * of whatever a lower-priority setter decides (the module name setter's `{ linear3: 'qint16' }`).
 */
export type SetterDecision =
  | { readonly qconfig: QConfig; readonly rule: string }
  | { readonly outDtype: QuantDType; readonly rule: string };

/**
 * Walks the graph being prepared and assigns qconfigs (SPEC section 5). Setters combine in a list:
 * for each op the first setter with a decision wins; a default fills the rest.
 */
export interface QconfigSetter {
  /** Names the setter in qconfig tables (`default-calibration`, `module-name`). */
  readonly name: string;
  /** Decisions by op (node) name. */
  decide(ctx: SetterContext): ReadonlyMap<string, SetterDecision>;
}
