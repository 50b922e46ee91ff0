/**
 * An Einsum equation with every dim labelled: the letters of the equation, and for the dims an
 * ellipsis stands for the labels `...0`, `...1`, ... (right-aligned across operands, as
 * broadcasting aligns them).
 */
export interface EinsumEquation {
  /** The label of each dim of each operand. */
  readonly inputs: readonly (readonly string[])[];
  /** The label of each dim of the output. */
  readonly output: readonly string[];
}

const ELLIPSIS = '...';

interface Term {
  readonly before: string[];
  readonly after: string[];
  readonly ellipsis: boolean;
}

function parseTerm(term: string, what: string): Term | string {
  const parts = term.split(ELLIPSIS);
  if (parts.length > 2) return `${what} '${term}' has more than one ellipsis`;
  const letters = parts.join('');
  const bad = [...letters].find((c) => !/[a-zA-Z]/.test(c));
  if (bad !== undefined) return `${what} '${term}' has '${bad}', expected letters and at most one '...'`;
  return { before: [...(parts[0] as string)], after: [...(parts[1] ?? '')], ellipsis: parts.length === 2 };
}

function ellipsisLabels(from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, k) => `${ELLIPSIS}${from + k}`);
}

/**
 * Parses an ONNX Einsum equation for operands of the given ranks (spaces ignored). Without `->`
 * the output is implicit: the ellipsis dims, then the letters that appear once in character-code
 * order (A-Z before a-z), as NumPy and ONNX's shape inference order them. A message when the
 * equation does not fit the operands.
 */
export function parseEinsum(equation: string, ranks: readonly number[]): EinsumEquation | string {
  const eq = equation.replace(/\s+/g, '');
  const sides = eq.split('->');
  if (sides.length > 2) return `equation '${equation}' has more than one '->'`;
  const terms = (sides[0] as string).split(',');
  if (terms.length !== ranks.length)
    return `equation '${equation}' has ${terms.length} operand terms for ${ranks.length} inputs`;
  const parsed: Term[] = [];
  const ellipsisRanks: number[] = [];
  for (const [i, term] of terms.entries()) {
    const t = parseTerm(term, `term ${i}`);
    if (typeof t === 'string') return t;
    const named = t.before.length + t.after.length;
    const rank = ranks[i] as number;
    if (t.ellipsis ? named > rank : named !== rank)
      return `term ${i} '${term}' names ${named} dims, input ${i} has rank ${rank}`;
    parsed.push(t);
    ellipsisRanks.push(t.ellipsis ? rank - named : 0);
  }
  const broadcastRank = Math.max(0, ...ellipsisRanks);
  const inputs = parsed.map((t, i) => [
    ...t.before,
    ...ellipsisLabels(broadcastRank - (ellipsisRanks[i] as number), broadcastRank),
    ...t.after,
  ]);
  const output =
    sides.length === 2
      ? explicitOutput(sides[1] as string, inputs, broadcastRank)
      : implicitOutput(inputs, broadcastRank);
  return typeof output === 'string' ? output : { inputs, output };
}

function explicitOutput(rhs: string, inputs: readonly string[][], broadcastRank: number): string[] | string {
  const t = parseTerm(rhs, 'output');
  if (typeof t === 'string') return t;
  if (broadcastRank > 0 && !t.ellipsis)
    return `output '${rhs}' has no '...' for the dims the inputs' ellipsis stands for`;
  const output = [...t.before, ...ellipsisLabels(0, t.ellipsis ? broadcastRank : 0), ...t.after];
  const seen = new Set<string>();
  for (const label of output) {
    if (seen.has(label)) return `output '${rhs}' repeats '${label}'`;
    if (!inputs.some((labels) => labels.includes(label))) return `output label '${label}' is in no input`;
    seen.add(label);
  }
  return output;
}

function implicitOutput(inputs: readonly string[][], broadcastRank: number): string[] {
  const counts = new Map<string, number>();
  for (const labels of inputs)
    for (const l of labels) if (!l.startsWith(ELLIPSIS)) counts.set(l, (counts.get(l) ?? 0) + 1);
  const once = [...counts].filter(([, n]) => n === 1).map(([l]) => l);
  return [...ellipsisLabels(0, broadcastRank), ...once.sort()];
}
