import { QtkError, type Tensor } from '@qtk/ir';
import { unzipSync } from 'fflate';
import { decodeNpy } from '../npy/decodeNpy.js';

/**
 * Decodes the bytes of a `.npz` file (`numpy.savez` or `numpy.savez_compressed`: a zip archive of
 * `.npy` members) into its arrays by name (the member name without `.npy`), in archive order.
 * Errors name `source`, and the member when one is bad (`data.npz[x.npy]`).
 */
export function decodeNpz(bytes: Uint8Array, source: string): Map<string, Tensor> {
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(bytes);
  } catch (e) {
    throw new QtkError('npz.invalid', `${source}: not a valid .npz file (zip: ${(e as Error).message})`, {
      cause: e,
    });
  }
  const arrays = new Map<string, Tensor>();
  for (const [member, data] of Object.entries(members)) {
    if (member.endsWith('/')) continue;
    if (!member.endsWith('.npy')) {
      throw new QtkError('npz.member', `${source}: member '${member}' is not a .npy array`);
    }
    arrays.set(member.slice(0, -'.npy'.length), decodeNpy(data, `${source}[${member}]`));
  }
  return arrays;
}
