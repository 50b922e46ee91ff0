import type { QconfigTable, TensorQuantization } from './QconfigTable.js';

/** A JSON value of the qconfig document. */
export type QconfigJsonValue = string | number | null | QconfigJsonValue[] | { [key: string]: QconfigJsonValue };

function scale(s: TensorQuantization['scale']): QconfigJsonValue {
  return s === null ? null : typeof s === 'number' ? s : [...s];
}

/**
 * The `qconfig.json` document: `{ "ops": [...] }`, one entry per op with `name`, `op`, `inputs`
 * (`{name, dtype, scale}`, `dtype: null` where the input stays float), `output` (`{dtype, scale}`, or
 * `{dtype: null}` for a high-precision or float output), `weight` (`{dtype, scale}` with a scale per
 * channel, when the op has one) and `rule`.
 */
export function qconfigJson(table: QconfigTable): { ops: QconfigJsonValue[] } {
  return {
    ops: table.ops.map(
      (e): QconfigJsonValue => ({
        name: e.name,
        op: e.op,
        inputs: e.inputs.map((i) => ({ name: i.name, dtype: i.dtype, scale: scale(i.scale) })),
        output: e.output.dtype === null ? { dtype: null } : { dtype: e.output.dtype, scale: scale(e.output.scale) },
        ...(e.weight ? { weight: { dtype: e.weight.dtype, scale: scale(e.weight.scale) } } : {}),
        rule: e.rule,
      }),
    ),
  };
}
