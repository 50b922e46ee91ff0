import type { DType } from '@qtk/ir';

/** NumPy's `descr` for each dtype qtk reads and writes, exactly as `numpy.save` writes it. */
const DESCR_OF: Readonly<Record<DType, string>> = {
  float32: '<f4',
  float64: '<f8',
  int8: '|i1',
  int16: '<i2',
  int32: '<i4',
  int64: '<i8',
  uint8: '|u1',
  bool: '|b1',
};

/** NumPy's names for the type codes qtk does not support, so an error can say what the file holds. */
const UNSUPPORTED_NAMES: Readonly<Record<string, string>> = {
  f2: 'float16',
  u2: 'uint16',
  u4: 'uint32',
  u8: 'uint64',
  c8: 'complex64',
  c16: 'complex128',
  O: 'object',
};

/** The `descr` NumPy writes for `dtype`. */
export function npyDescrOf(dtype: DType): string {
  return DESCR_OF[dtype];
}

/** What a `descr` string means to qtk. */
export type NpyDescrMeaning =
  | { readonly kind: 'supported'; readonly dtype: DType }
  | { readonly kind: 'big-endian' }
  | { readonly kind: 'unsupported'; readonly name: string };

/**
 * Interprets a `descr`. Only the byte orders NumPy writes for little-endian data are accepted: `<`
 * for multi-byte types, `|` (or `<`) for single bytes.
 */
export function interpretNpyDescr(descr: string): NpyDescrMeaning {
  const order = descr[0];
  const code = order === '<' || order === '>' || order === '|' || order === '=' ? descr.slice(1) : descr;
  for (const [dtype, known] of Object.entries(DESCR_OF) as [DType, string][]) {
    if (known.slice(1) === code && (order === '<' || order === '|')) return { kind: 'supported', dtype };
  }
  if (order === '>' && code !== 'i1' && code !== 'u1' && code !== 'b1') {
    return { kind: 'big-endian' };
  }
  return { kind: 'unsupported', name: UNSUPPORTED_NAMES[code] ?? descr };
}

/** The dtypes `.npy` I/O supports, in a stable order (for messages). */
export const NPY_DTYPES: readonly DType[] = Object.keys(DESCR_OF) as DType[];
