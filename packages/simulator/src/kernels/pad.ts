import {
  formatShape,
  type Kernel,
  type KernelContext,
  PAD_MODES,
  type PadAmounts,
  resolvePads,
  stridesOf,
  Tensor,
} from '@qtk/ir';
import { integerValues, optionalInput, requiredInput } from './kernelInputs.js';
import { nodeError } from './nodeError.js';

/**
 * For each output position along one dim, the input index it reads, or -1 for the constant.
 * Negative pads crop first; the positive ones then pad what is left (as onnxruntime does).
 */
function sourceIndices(
  ctx: KernelContext,
  dim: number,
  begin: number,
  end: number,
  mode: string,
  axis: number,
): Int32Array {
  const cropBegin = Math.max(-begin, 0);
  const kept = dim - cropBegin - Math.max(-end, 0);
  const before = Math.max(begin, 0);
  const size = kept + before + Math.max(end, 0);
  if (kept < 0 || size < 0) throw nodeError(ctx, `pads remove more than the ${dim} elements of dim ${axis}`);
  const padded = size > kept;
  if (padded && kept === 0 && mode !== 'constant')
    throw nodeError(ctx, `${mode} mode cannot pad dim ${axis}, which is empty`);
  if (mode === 'reflect' && padded && Math.max(begin, end) >= kept) {
    throw nodeError(
      ctx,
      `reflect mode pads dim ${axis} by ${Math.max(begin, end)}, more than its size ${kept} minus 1`,
    );
  }
  const map = new Int32Array(size);
  for (let o = 0; o < size; o++) {
    let j = o - before;
    if (j < 0 || j >= kept) {
      if (mode === 'constant') {
        map[o] = -1;
        continue;
      }
      if (mode === 'edge') j = j < 0 ? 0 : kept - 1;
      else j = j < 0 ? -j : 2 * (kept - 1) - j;
    }
    map[o] = cropBegin + j;
  }
  return map;
}

/**
 * ONNX Pad, any dtype: modes `constant` (`constant_value`, 0 by default), `reflect` and `edge`;
 * negative pads crop. Each output row reads through one index map per dim.
 */
export const padKernel: Kernel = (ctx) => {
  const x = requiredInput(ctx, 0);
  const mode = ctx.attrs.string('mode');
  if (!PAD_MODES.includes(mode)) throw nodeError(ctx, `mode '${mode}' is not one of ${PAD_MODES.join(', ')}`);
  const pads = integerValues(ctx, 1, 'pads');
  const axes = optionalInput(ctx, 3) ? integerValues(ctx, 3, 'axes') : undefined;
  const amounts: PadAmounts | string = resolvePads(x.rank, pads, axes);
  if (typeof amounts === 'string') throw nodeError(ctx, amounts);
  const value = optionalInput(ctx, 2);
  if (value && (value.dtype !== x.dtype || value.size !== 1)) {
    throw nodeError(ctx, `constant_value must be one ${x.dtype}, got ${value.dtype}${formatShape(value.shape)}`);
  }
  const maps = x.shape.map((d, i) => sourceIndices(ctx, d, amounts.begin[i], amounts.end[i], mode, i));
  const shape = maps.map((m) => m.length);
  const out = Tensor.zeros(x.dtype, shape);
  if (value && mode === 'constant') fill(out, value);
  copyPadded(x, out, maps);
  return [out];
};

function fill(out: Tensor, value: Tensor): void {
  if (out.data instanceof BigInt64Array) out.data.fill(value.data[0] as bigint);
  else (out.data as Float64Array).fill(value.data[0] as number);
}

/** Copies each input entry an output position maps to; positions mapped to -1 keep their fill. */
function copyPadded(x: Tensor, out: Tensor, maps: readonly Int32Array[]): void {
  const total = out.size;
  if (total === 0) return;
  const rank = x.rank;
  const src = x.data;
  const dst = out.data as typeof src;
  if (rank === 0) {
    dst[0] = src[0] as never;
    return;
  }
  const strides = stridesOf(x.shape);
  const inner = maps[rank - 1] as Int32Array;
  const counter = new Array<number>(rank).fill(0);
  for (let o = 0; o < total; o += inner.length) {
    // The offset of this row's outer coordinates, or -1 when one of them is padding.
    let base = 0;
    for (let d = 0; d < rank - 1; d++) {
      const s = (maps[d] as Int32Array)[counter[d]] as number;
      if (s < 0) {
        base = -1;
        break;
      }
      base += s * strides[d];
    }
    if (base >= 0) {
      for (let k = 0; k < inner.length; k++) {
        const s = inner[k] as number;
        if (s >= 0) dst[o + k] = src[base + s] as never;
      }
    }
    for (let d = rank - 2; d >= 0; d--) {
      if (++counter[d] < (maps[d] as Int32Array).length) break;
      counter[d] = 0;
    }
  }
}
