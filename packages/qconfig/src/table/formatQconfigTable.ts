import type { QconfigTable, TensorQuantization } from './QconfigTable.js';

function q(t: TensorQuantization): string {
  if (t.dtype === null) return 'float';
  if (t.scale === null) return `${t.dtype} (uncalibrated)`;
  if (typeof t.scale === 'number') return `${t.dtype} s=${t.scale.toPrecision(6)}`;
  const s = t.scale;
  return `${t.dtype} s[${s.length}]=${Math.min(...s).toPrecision(4)}..${Math.max(...s).toPrecision(4)}`;
}

function pad(rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] as number)))
      .join('  ')
      .trimEnd(),
  );
}

/** The qconfig table as readable text (`qconfig.txt`): one row per op, then the warnings. */
export function formatQconfigTable(table: QconfigTable): string {
  const rows = [['op', 'type', 'inputs', 'output', 'weight', 'rule']];
  for (const e of table.ops) {
    rows.push([
      e.name,
      e.op,
      e.inputs.map((i) => `${i.name}: ${q(i)}`).join(', ') || '-',
      q(e.output),
      e.weight ? q(e.weight) : '-',
      e.rule,
    ]);
  }
  const lines = [
    `qconfig for march ${table.march} (setters: ${table.setters.join(', ') || 'none'})`,
    '',
    ...pad(rows),
    '',
  ];
  if (table.warnings.length) {
    lines.push(`warnings (${table.warnings.length}):`);
    for (const w of table.warnings) lines.push(`  [${w.kind}] ${w.message}`);
  } else {
    lines.push('no warnings');
  }
  return `${lines.join('\n')}\n`;
}
