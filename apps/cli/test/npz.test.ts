import { isQtkError } from '@qtk/ir';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeNpz } from '../src/io/npz/decodeNpz.js';
import { readNpzFile } from '../src/io/npz/npzFile.js';
import { testData } from './support/testData.js';

describe('reading .npz archives NumPy wrote', () => {
  it.each(['pair.npz', 'pair_compressed.npz'])('%s holds a and b', async (name) => {
    const arrays = await readNpzFile(testData(name));
    expect([...arrays.keys()]).toEqual(['a', 'b']);
    const a = arrays.get('a')!;
    expect(a.dtype).toBe('float32');
    expect(a.shape).toEqual([2, 3]);
    expect([...a.data]).toEqual([0, 1, 2, 3, 4, 5]);
    const b = arrays.get('b')!;
    expect(b.dtype).toBe('int64');
    expect([...b.data]).toEqual([1n, -2n, 3n]);
  });

  it('is an error naming the file for something that is not a zip', () => {
    expect(() => decodeNpz(new TextEncoder().encode('not a zip file'), 'x.npz')).toThrow(
      /^x\.npz: not a valid \.npz file \(zip: .+\)$/,
    );
  });

  it('names the archive and the member for a bad member', async () => {
    await expect(readNpzFile(testData('not_npy_member.npz'))).rejects.toThrow(
      `${testData('not_npy_member.npz')}[a.npy]: not a valid .npy file (it does not start with \\x93NUMPY)`,
    );
  });

  it('refuses a member that is not .npy', () => {
    const zip = zipSync({ 'notes.txt': new TextEncoder().encode('hi') });
    let error: unknown;
    try {
      decodeNpz(zip, 'x.npz');
    } catch (e) {
      error = e;
    }
    expect(isQtkError(error)).toBe(true);
    expect((error as Error).message).toBe("x.npz: member 'notes.txt' is not a .npy array");
  });
});
