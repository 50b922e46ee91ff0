import { type Tensor, tensorToBytes } from '@qtk/ir';
import { npyDescrOf } from './npyDType.js';
import { encodeNpyHeader } from './npyHeader.js';

/**
 * The bytes of a `.npy` file holding `tensor`, exactly as `numpy.save` writes the same array
 * (format 1.0, C order, little-endian, header padded to 64 bytes).
 */
export function encodeNpy(tensor: Tensor): Uint8Array {
  const header = encodeNpyHeader(npyDescrOf(tensor.dtype), tensor.shape);
  const data = tensorToBytes(tensor);
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}
