import type { EinsumEquation } from '@qtk/ir';

/** One operand of the MatMul an Einsum becomes: how its dims are permuted, where 1s are inserted. */
export interface MatMulOperandPlan {
  /** The Transpose before the MatMul; `undefined` when the dims are already in order. */
  readonly perm?: readonly number[];
  /** The Unsqueeze after it (output positions); empty for none. */
  readonly unsqueeze: readonly number[];
}

/**
 * How a two-operand Einsum is one MatMul: each operand permuted (and given size-1 dims) into
 * `[...batch, m, k]` and `[...batch, k, n]`, the product's size-1 dims squeezed away, and its dims
 * permuted into the equation's output order.
 */
export interface EinsumMatMulPlan {
  readonly a: MatMulOperandPlan;
  readonly b: MatMulOperandPlan;
  readonly squeeze: readonly number[];
  readonly perm?: readonly number[];
}

const UNIT_M = '<m>';
const UNIT_N = '<n>';

function isIdentity(perm: readonly number[]): boolean {
  return perm.every((p, i) => p === i);
}

function permutation(from: readonly string[], to: readonly string[]): number[] | undefined {
  const perm = to.map((l) => from.indexOf(l));
  return isIdentity(perm) ? undefined : perm;
}

/**
 * The MatMul form of an Einsum equation, when it is one: two operands, no label repeated within
 * an operand, exactly one label summed over (in both operands, not in the output), and every
 * other label in the output. Labels in both operands and the output are batch dims; a label of one
 * operand only is its row (`m`) or column (`n`) dim, or a batch dim the other operand broadcasts
 * over. `ij,jk->ik`, `bij,bjk->bik`, `...ij,...jk->...ik`, `bhqd,bhkd->bhqk` and their transposed
 * forms qualify; diagonals, sums over one operand's dims, outer products and several summed labels
 * do not.
 */
export function einsumMatMulPlan(eq: EinsumEquation): EinsumMatMulPlan | undefined {
  if (eq.inputs.length !== 2) return undefined;
  const [a, b] = eq.inputs as [readonly string[], readonly string[]];
  const out = eq.output;
  if (new Set(a).size !== a.length || new Set(b).size !== b.length) return undefined;
  const summed = a.filter((l) => b.includes(l) && !out.includes(l));
  if (summed.length !== 1) return undefined;
  if ([...a, ...b].some((l) => !out.includes(l) && !summed.includes(l))) return undefined;
  const k = summed[0] as string;
  // In output order: batch labels, and each operand's own labels (its last one is m or n).
  const batch = out.filter((l) => a.includes(l) && b.includes(l));
  const aOwn = out.filter((l) => a.includes(l) && !b.includes(l));
  const bOwn = out.filter((l) => b.includes(l) && !a.includes(l));
  const m = aOwn.pop();
  const n = bOwn.pop();
  // MatMul broadcasts batch dims right-aligned: a's extra batch dims lead, b's follow as 1s in a.
  const aOrder = [...aOwn, ...batch, ...(m ? [m] : []), k];
  const bOrder = [...bOwn, ...batch, k, ...(n ? [n] : [])];
  const aUnsqueeze = aOwn.length > 0 ? bOwn.map((_, i) => aOwn.length + i) : [];
  if (!m) aUnsqueeze.push(aOrder.length + aUnsqueeze.length - 1);
  const product = [...aOwn, ...bOwn, ...batch, m ?? UNIT_M, n ?? UNIT_N];
  const squeeze = [...(m ? [] : [product.length - 2]), ...(n ? [] : [product.length - 1])];
  const squeezed = product.filter((l) => l !== UNIT_M && l !== UNIT_N);
  const aPerm = permutation(a, aOrder);
  const bPerm = permutation(b, bOrder);
  const perm = permutation(squeezed, out);
  return {
    a: { ...(aPerm ? { perm: aPerm } : {}), unsqueeze: aUnsqueeze },
    b: { ...(bPerm ? { perm: bPerm } : {}), unsqueeze: n ? [] : [bOrder.length] },
    squeeze,
    ...(perm ? { perm } : {}),
  };
}
