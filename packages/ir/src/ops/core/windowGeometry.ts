import type { AttributeReader } from '../AttributeReader.js';

/** Kernel window of a convolution or pooling over `rank` spatial dims, with every default filled in. */
export interface WindowGeometry {
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  /** ONNX order: all begins, then all ends (`[top, left, bottom, right]` in 2-D). */
  readonly pads: readonly number[];
  readonly dilations: readonly number[];
  readonly ceilMode: boolean;
}

/**
 * Output size of one spatial dim (ONNX and PyTorch agree): in ceil mode, a last window that would
 * start in the end padding is dropped.
 */
export function windowOutputSize(
  input: number,
  kernel: number,
  stride: number,
  padBegin: number,
  padEnd: number,
  dilation: number,
  ceilMode: boolean,
): number {
  const span = dilation * (kernel - 1) + 1;
  const exact = (input + padBegin + padEnd - span) / stride;
  let out = (ceilMode ? Math.ceil(exact) : Math.floor(exact)) + 1;
  if (ceilMode && (out - 1) * stride >= input + padBegin) out--;
  return out;
}

/** Reads strides, pads, dilations and ceil_mode of a node with `kernel` over its spatial dims. */
export function readWindowGeometry(attrs: AttributeReader, kernel: readonly number[]): WindowGeometry {
  const rank = kernel.length;
  const ones = new Array<number>(rank).fill(1);
  return {
    kernel,
    strides: attrs.optionalInts('strides') ?? ones,
    pads: attrs.optionalInts('pads') ?? new Array<number>(2 * rank).fill(0),
    dilations: attrs.optionalInts('dilations') ?? ones,
    ceilMode: attrs.has('ceil_mode') ? attrs.int('ceil_mode') !== 0 : false,
  };
}

/** Checks the geometry's lists have the right lengths; returns a message when they do not. */
export function windowGeometryProblem(g: WindowGeometry): string | undefined {
  const rank = g.kernel.length;
  if (g.strides.length !== rank) return `strides has ${g.strides.length} entries, expected ${rank}`;
  if (g.dilations.length !== rank) return `dilations has ${g.dilations.length} entries, expected ${rank}`;
  if (g.pads.length !== 2 * rank) return `pads has ${g.pads.length} entries, expected ${2 * rank}`;
  if ([...g.kernel, ...g.strides, ...g.dilations].some((v) => v < 1))
    return 'kernel, strides and dilations must be >= 1';
  if (g.pads.some((v) => v < 0)) return 'pads must be >= 0';
  return undefined;
}
