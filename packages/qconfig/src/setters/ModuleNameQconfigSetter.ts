import { isQuantDType, QtkError, type QuantDType } from '@qtk/ir';
import type { QConfig } from '../QConfig.js';
import type { QconfigSetter, SetterDecision } from './QconfigSetter.js';
import type { SetterContext } from './SetterContext.js';

/**
 * Sets ops by exact name: to a full {@link QConfig}, or to an output dtype (`'qint16'`) applied on
 * top of what the setters after it decide. A name that matches no op is an error (a typo would
 * otherwise silently change nothing).
 */
export class ModuleNameQconfigSetter implements QconfigSetter {
  readonly name = 'module-name';
  readonly #entries: ReadonlyMap<string, QConfig | QuantDType>;

  constructor(entries: Readonly<Record<string, QConfig | QuantDType>>) {
    for (const [op, v] of Object.entries(entries)) {
      if (typeof v === 'string' && !isQuantDType(v)) {
        throw new QtkError('qconfig.dtype', `ModuleNameQconfigSetter: '${op}' -> '${v}' is not a quantized dtype`);
      }
    }
    this.#entries = new Map(Object.entries(entries));
  }

  decide(ctx: SetterContext): ReadonlyMap<string, SetterDecision> {
    const names = new Set(ctx.ops.map((n) => n.name));
    const out = new Map<string, SetterDecision>();
    for (const [op, v] of this.#entries) {
      if (!names.has(op)) {
        const known = [...names].slice(0, 12).join(', ');
        throw new QtkError(
          'qconfig.unknown-op',
          `ModuleNameQconfigSetter: no op named '${op}' (ops: ${known}${names.size > 12 ? ', ...' : ''})`,
        );
      }
      out.set(
        op,
        typeof v === 'string'
          ? { outDtype: v, rule: `module-name: output ${v} by name` }
          : { qconfig: v, rule: 'module-name: qconfig set by name' },
      );
    }
    return out;
  }
}
