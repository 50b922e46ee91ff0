import { QtkError } from '@qtk/ir';
import { type PythonLiteral, parsePythonLiteral } from './pythonLiteral.js';

/** `\x93NUMPY`, the first six bytes of every `.npy` file. */
export const NPY_MAGIC: readonly number[] = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

// NumPy pads the header so that the data starts at a multiple of 64 bytes.
const ARRAY_ALIGN = 64;
// NumPy leaves room to grow the first dim in place (numpy.lib.format.GROWTH_AXIS_MAX_DIGITS).
const GROWTH_AXIS_MAX_DIGITS = 21;

/** What a `.npy` header says. */
export interface NpyHeader {
  /** `major.minor` of the format. */
  readonly version: string;
  /** NumPy's dtype string, such as `<f4`. */
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
  /** Where the data starts. */
  readonly dataOffset: number;
}

/**
 * Reads and checks the header of a `.npy` file (format versions 1.0, 2.0 and 3.0). Anything
 * `numpy.load` would reject, and structured dtypes, are errors naming `source`.
 */
export function readNpyHeader(bytes: Uint8Array, source: string): NpyHeader {
  const bad = (what: string): never => {
    throw new QtkError('npy.invalid', `${source}: not a valid .npy file (${what})`);
  };
  if (bytes.length < 10 || !NPY_MAGIC.every((b, i) => bytes[i] === b)) bad('it does not start with \\x93NUMPY');
  const major = bytes[6] as number;
  const minor = bytes[7] as number;
  if (major < 1 || major > 3 || minor !== 0) bad(`unknown format version ${major}.${minor}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) bad('the header is cut off');
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataOffset = 8 + lengthBytes + headerLength;
  if (dataOffset > bytes.length) bad(`the header says it is ${headerLength} bytes, the file is shorter`);
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(8 + lengthBytes, dataOffset));
  const dict = parsePythonLiteral(text);
  if (!(dict instanceof Map)) return bad('the header is not a Python dict literal');
  const keys = [...dict.keys()].sort().join(',');
  if (keys !== 'descr,fortran_order,shape')
    bad(`the header has keys ${keys || 'none'}, expected descr, fortran_order, shape`);
  const descr = dict.get('descr');
  if (typeof descr !== 'string') {
    throw new QtkError('npy.dtype', `${source}: structured dtypes are not supported (one plain dtype per file)`);
  }
  const fortranOrder = dict.get('fortran_order');
  if (typeof fortranOrder !== 'boolean') bad("'fortran_order' is not True or False");
  const shape = shapeOf(dict.get('shape'));
  if (!shape) return bad("'shape' is not a tuple of non-negative integers");
  return { version: `${major}.${minor}`, descr, fortranOrder: fortranOrder as boolean, shape, dataOffset };
}

function shapeOf(literal: PythonLiteral | undefined): number[] | undefined {
  if (literal === null || typeof literal !== 'object' || !('tuple' in literal)) return undefined;
  const dims = literal.tuple;
  return dims.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0) ? (dims as number[]) : undefined;
}

/**
 * The header bytes `numpy.save` writes for a C-order array of `descr` and `shape` (format 1.0, or
 * 2.0 when the header does not fit 1.0's 16-bit length), byte for byte.
 */
export function encodeNpyHeader(descr: string, shape: readonly number[]): Uint8Array {
  const shapeRepr = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeRepr}, }`;
  if (shape.length > 0) dict += ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(shape[0]).length));
  const wrap = (lengthBytes: number): string => {
    const used = NPY_MAGIC.length + 2 + lengthBytes + dict.length + 1;
    // As NumPy does, an already aligned header still gets a full ARRAY_ALIGN of padding.
    return `${dict}${' '.repeat(ARRAY_ALIGN - (used % ARRAY_ALIGN))}\n`;
  };
  let text = wrap(2);
  const major = text.length <= 0xffff ? 1 : 2;
  if (major === 2) text = wrap(4);
  const lengthBytes = major === 1 ? 2 : 4;
  const out = new Uint8Array(8 + lengthBytes + text.length);
  out.set(NPY_MAGIC);
  out[6] = major;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, text.length, true);
  else view.setUint32(8, text.length, true);
  for (let i = 0; i < text.length; i++) out[8 + lengthBytes + i] = text.charCodeAt(i);
  return out;
}
