import { dtypeInfo, formatShape, numel, QtkError, type Tensor, tensorFromBytes } from '@qtk/ir';
import { interpretNpyDescr, NPY_DTYPES } from './npyDType.js';
import { readNpyHeader } from './npyHeader.js';

/**
 * Decodes the bytes of a `.npy` file into a {@link Tensor} that owns aligned storage.
 *
 * Checks what `numpy.load` checks and a little more: a well-formed header (parsed as the Python
 * literal it is, not pattern-matched), a supported little-endian dtype, C order, and exactly as
 * many data bytes as the shape needs. `source` (a file name) starts every error message.
 */
export function decodeNpy(bytes: Uint8Array, source: string): Tensor {
  const header = readNpyHeader(bytes, source);
  const meaning = interpretNpyDescr(header.descr);
  if (meaning.kind === 'big-endian') {
    throw new QtkError(
      'npy.byte-order',
      `${source}: big-endian data ('${header.descr}') is not supported; save it little-endian (arr.astype('<${header.descr.slice(1)}'))`,
    );
  }
  if (meaning.kind === 'unsupported') {
    throw new QtkError(
      'npy.dtype',
      `${source}: unsupported dtype ${meaning.name} (supported: ${NPY_DTYPES.join(', ')})`,
    );
  }
  const { dtype } = meaning;
  if (header.fortranOrder) {
    throw new QtkError(
      'npy.fortran-order',
      `${source}: the array is in Fortran order; save it in C order (np.ascontiguousarray(arr))`,
    );
  }
  const count = numel(header.shape);
  const itemBytes = dtypeInfo(dtype).bytes;
  const needed = count * itemBytes;
  const found = bytes.length - header.dataOffset;
  if (found !== needed) {
    throw new QtkError(
      'npy.size',
      `${source}: ${dtype}${formatShape(header.shape)} needs ${needed} bytes of data, the file has ${found}` +
        (found < needed ? ' (truncated)' : ' (extra bytes after the data)'),
    );
  }
  // A copy: the tensor owns aligned storage whatever the header's padding and the file buffer.
  return tensorFromBytes(dtype, header.shape, bytes.subarray(header.dataOffset), source);
}
