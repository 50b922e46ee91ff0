import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DType, isQtkError, QtkError, Tensor } from '@qtk/ir';
import { fixturePath, readFixtureNpy } from '@qtk/test-fixtures';
import * as fc from 'fast-check';
import { parse } from 'npyjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeNpy } from '../src/io/npy/decodeNpy.js';
import { encodeNpy } from '../src/io/npy/encodeNpy.js';
import { readNpyFile, writeNpyFile } from '../src/io/npy/npyFile.js';
import { testData } from './support/testData.js';

// The values makeNpyData.py saved, as shape [2, 3] arrays of each dtype.
const SAVED: Record<DType, Tensor['data']> = {
  float32: Float32Array.from([0.0, -0.0, 1.5, -2.25, 3.4028234663852886e38, 1e-45]),
  float64: Float64Array.from([0.0, -0.0, 0.1, -2.5, 1.7976931348623157e308, 5e-324]),
  int8: Int8Array.from([-128, -1, 0, 1, 2, 127]),
  int16: Int16Array.from([-32768, -1, 0, 1, 2, 32767]),
  int32: Int32Array.from([-2147483648, -1, 0, 1, 2, 2147483647]),
  int64: BigInt64Array.from([-9223372036854775808n, -1n, 0n, 1n, 9007199254740993n, 9223372036854775807n]),
  uint8: Uint8Array.from([0, 1, 2, 128, 254, 255]),
  bool: Uint8Array.from([1, 0, 1, 1, 0, 0]),
};
const DTYPES = Object.keys(SAVED) as DType[];

function decodeFile(name: string): Tensor {
  return decodeNpy(readFileSync(testData(name)), name);
}

function errorOf(run: () => unknown): QtkError {
  try {
    run();
  } catch (e) {
    if (isQtkError(e)) return e;
    throw e;
  }
  throw new Error('expected a QtkError');
}

describe('reading .npy files NumPy wrote', () => {
  it.each(DTYPES)('%s [2,3] has the saved values', (dtype) => {
    const t = decodeFile(`${dtype}_2x3.npy`);
    expect(t.dtype).toBe(dtype);
    expect(t.shape).toEqual([2, 3]);
    expect(t.data).toEqual(SAVED[dtype]);
    // Owns aligned storage of its own, not a view into the file's bytes.
    expect(t.data.byteOffset).toBe(0);
    expect(t.data.buffer.byteLength).toBe(t.data.byteLength);
  });

  it('reads -0.0 and the float32 denormal bit for bit', () => {
    const bits = new Uint32Array(decodeFile('float32_2x3.npy').data.buffer as ArrayBuffer);
    expect(bits[1]).toBe(0x80000000);
    expect(bits[5]).toBe(0x00000001);
  });

  it('reads a scalar, a 1-D array and an empty array', () => {
    const scalar = decodeFile('float32_scalar.npy');
    expect(scalar.shape).toEqual([]);
    expect([...scalar.data]).toEqual([7.5]);
    const vector = decodeFile('int64_1d.npy');
    expect(vector.shape).toEqual([3]);
    expect([...vector.data]).toEqual([3n, -4n, 5n]);
    const empty = decodeFile('float32_0x3.npy');
    expect(empty.shape).toEqual([0, 3]);
    expect(empty.size).toBe(0);
  });

  it.each([
    ['seed_small.input.npy', [2, 100, 256]],
    ['seed_small.output.npy', [2, 100, 60]],
    ['seed_two_outputs.output_y.npy', [2, 100, 60]],
    ['small_cnn.input.npy', [1, 3, 32, 32]],
    ['small_cnn.output.npy', [1, 10]],
  ])('reads the fixture %s as float32%j', async (name, shape) => {
    const t = await readNpyFile(fixturePath(name));
    expect(t.dtype).toBe('float32');
    expect(t.shape).toEqual(shape);
    const reference = readFixtureNpy(fixturePath(name));
    expect(t.data).toEqual(reference.data);
  });
});

describe('writing .npy files', () => {
  it.each(DTYPES)("%s: encoding what NumPy wrote gives NumPy's bytes back", (dtype) => {
    const file = readFileSync(testData(`${dtype}_2x3.npy`));
    expect(Buffer.from(encodeNpy(decodeNpy(file, 'x')))).toEqual(file);
  });

  it.each(['float32_scalar.npy', 'int64_1d.npy', 'float32_0x3.npy'])('%s: byte-identical to NumPy', (name) => {
    const file = readFileSync(testData(name));
    expect(Buffer.from(encodeNpy(decodeNpy(file, name)))).toEqual(file);
  });

  it.each(['seed_small.input.npy', 'small_cnn.output.npy'])('fixture %s: byte-identical to NumPy', (name) => {
    const file = readFileSync(fixturePath(name));
    // Buffer.equals: a deep toEqual over 200 KB is needlessly slow.
    expect(Buffer.from(encodeNpy(decodeNpy(file, name))).equals(file)).toBe(true);
  });

  it('writes the header NumPy expects', () => {
    const bytes = encodeNpy(Tensor.zeros('float32', [2, 100, 60]));
    expect([...bytes.subarray(0, 8)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLength = bytes[8]! + 256 * bytes[9]!;
    expect((10 + headerLength) % 64).toBe(0);
    const header = Buffer.from(bytes.subarray(10, 10 + headerLength)).toString('latin1');
    // What NumPy 2.4 writes for this array: a 118-byte header, 52 spaces of padding.
    expect(headerLength).toBe(118);
    expect(header).toBe(`{'descr': '<f4', 'fortran_order': False, 'shape': (2, 100, 60), }${' '.repeat(52)}\n`);
    expect(bytes.length).toBe(10 + headerLength + 2 * 100 * 60 * 4);
  });

  it('pads an already aligned header by a full 64 bytes, as NumPy does', () => {
    // numpy.save of np.zeros(shape, np.uint8) writes a 182-byte header (118 + 64).
    const bytes = encodeNpy(Tensor.zeros('uint8', [1, 1, 1, 1, 1, 1, 10, 100, 100, 1, 1, 1, 1]));
    expect(bytes[8]! + 256 * bytes[9]!).toBe(182);
  });

  it('writes single-byte dtypes with the | byte order and 1-D shapes with a trailing comma', () => {
    const header = (t: Tensor): string => Buffer.from(encodeNpy(t).subarray(10, 80)).toString('latin1');
    expect(header(Tensor.zeros('bool', [4]))).toContain("{'descr': '|b1', 'fortran_order': False, 'shape': (4,), }");
    expect(header(Tensor.zeros('int8', []))).toContain("{'descr': '|i1', 'fortran_order': False, 'shape': (), }");
  });

  it('switches to format 2.0 when the header does not fit 1.0, and reads it back', () => {
    // "1, " x 30000 is over 65535 bytes.
    const shape = new Array<number>(30000).fill(1);
    const bytes = encodeNpy(Tensor.zeros('uint8', shape));
    expect([bytes[6], bytes[7]]).toEqual([2, 0]);
    const t = decodeNpy(bytes, 'big-header');
    expect(t.shape).toEqual(shape);
  });

  it('round-trips random tensors of every dtype (and npyjs, an independent reader, agrees)', () => {
    const tensorOf = (dtype: DType) =>
      fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }).chain((shape) => {
        const n = shape.reduce((p, d) => p * d, 1);
        const element: Record<DType, fc.Arbitrary<Tensor['data']>> = {
          float32: fc.float32Array({ minLength: n, maxLength: n }),
          float64: fc.float64Array({ minLength: n, maxLength: n }),
          int8: fc.int8Array({ minLength: n, maxLength: n }),
          int16: fc.int16Array({ minLength: n, maxLength: n }),
          int32: fc.int32Array({ minLength: n, maxLength: n }),
          int64: fc.bigInt64Array({ minLength: n, maxLength: n }),
          uint8: fc.uint8Array({ minLength: n, maxLength: n }),
          bool: fc.uint8Array({ minLength: n, maxLength: n, max: 1 }),
        };
        return element[dtype].map((data) => new Tensor(dtype, shape, data as never));
      });
    for (const dtype of DTYPES) {
      fc.assert(
        fc.property(tensorOf(dtype), (t) => {
          const bytes = encodeNpy(t);
          const back = decodeNpy(bytes, 'x');
          expect(back.dtype).toBe(t.dtype);
          expect(back.shape).toEqual(t.shape);
          expect(new Uint8Array(back.data.buffer)).toEqual(
            new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength),
          );
          const other = parse(bytes.slice().buffer);
          expect(other.shape).toEqual([...t.shape]);
          const values = Array.isArray(other.data) ? other.data.map(Number) : [...(other.data as Tensor['data'])];
          expect(values).toEqual([...t.data]);
        }),
        { numRuns: 40 },
      );
    }
  });

  describe('files', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'qtk-npy-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writeNpyFile then readNpyFile gives the tensor back', async () => {
      const t = new Tensor('int16', [2, 3], SAVED.int16 as Int16Array);
      const path = join(dir, 'a.npy');
      await writeNpyFile(path, t);
      expect(Buffer.from(await readFile(path))).toEqual(readFileSync(testData('int16_2x3.npy')));
      expect((await readNpyFile(path)).data).toEqual(t.data);
    });

    it('a missing file is an error naming it', async () => {
      const path = join(dir, 'missing.npy');
      await expect(readNpyFile(path)).rejects.toThrow(new QtkError('file.read', `${path}: no such file`));
    });

    it('an unwritable path is an error naming it', async () => {
      const path = join(dir, 'no-such-dir', 'a.npy');
      await expect(writeNpyFile(path, Tensor.zeros('float32', [1]))).rejects.toThrow(`${path}: cannot write (ENOENT)`);
    });
  });
});

describe('refusing bad .npy files', () => {
  it.each([
    [
      'truncated_2x3.npy',
      'npy.size',
      'truncated_2x3.npy: float32[2,3] needs 24 bytes of data, the file has 19 (truncated)',
    ],
    [
      'trailing_2x3.npy',
      'npy.size',
      'trailing_2x3.npy: float32[2,3] needs 24 bytes of data, the file has 28 (extra bytes after the data)',
    ],
    [
      'fortran_2x3.npy',
      'npy.fortran-order',
      'fortran_2x3.npy: the array is in Fortran order; save it in C order (np.ascontiguousarray(arr))',
    ],
    [
      'bigendian_2x3.npy',
      'npy.byte-order',
      "bigendian_2x3.npy: big-endian data ('>f4') is not supported; save it little-endian (arr.astype('<f4'))",
    ],
    [
      'float16_2x3.npy',
      'npy.dtype',
      'float16_2x3.npy: unsupported dtype float16 (supported: float32, float64, int8, int16, int32, int64, uint8, bool)',
    ],
    ['uint16_3.npy', 'npy.dtype', 'uint16_3.npy: unsupported dtype uint16'],
    ['complex64_3.npy', 'npy.dtype', 'complex64_3.npy: unsupported dtype complex64'],
    ['structured_2.npy', 'npy.dtype', 'structured_2.npy: structured dtypes are not supported'],
  ])('%s', (name, code, message) => {
    const e = errorOf(() => decodeFile(name));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
    expect(e.message).not.toContain('\n');
  });

  const npy = (header: string, data = new Uint8Array()): Uint8Array => {
    const head = Buffer.from(header, 'latin1');
    const out = new Uint8Array(10 + head.length + data.length);
    out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, head.length & 0xff, head.length >> 8]);
    out.set(head, 10);
    out.set(data, 10 + head.length);
    return out;
  };

  it.each([
    ['garbage', Buffer.from('this is not an npy file at all'), 'it does not start with \\x93NUMPY'],
    ['an empty file', new Uint8Array(), 'it does not start with \\x93NUMPY'],
    [
      'an unknown version',
      Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 9, 0, 0, 0]),
      'unknown format version 9.0',
    ],
    ['a header longer than the file', npy('{}').subarray(0, 11), 'the header says it is 2 bytes, the file is shorter'],
    ['a header that is not a dict', npy("['descr', '<f4']      \n"), 'the header is not a Python dict literal'],
    [
      'a header with Python code',
      npy("{'descr': '<f4', 'fortran_order': False, 'shape': (__import__('os'),), }\n"),
      'the header is not a Python dict literal',
    ],
    [
      'a header missing shape',
      npy("{'descr': '<f4', 'fortran_order': False, }  \n"),
      'the header has keys descr,fortran_order, expected descr, fortran_order, shape',
    ],
    [
      'a negative dim',
      npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }\n"),
      "'shape' is not a tuple of non-negative integers",
    ],
    [
      'a shape that is a number',
      npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3), }\n"),
      "'shape' is not a tuple of non-negative integers",
    ],
    [
      'fortran_order not a bool',
      npy("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }\n"),
      "'fortran_order' is not True or False",
    ],
  ])('%s', (_, bytes, detail) => {
    const e = errorOf(() => decodeNpy(bytes, 'in.npy'));
    expect(e.code).toBe('npy.invalid');
    expect(e.message).toBe(`in.npy: not a valid .npy file (${detail})`);
  });

  it('reads data whatever the header padding (NumPy pads to 64 bytes; older writers did not)', () => {
    // 10 + 51 = 61 bytes before the int32 data: not even 4-aligned.
    const header = "{'descr':'<i4','fortran_order':False,'shape':(2,)}\n";
    expect(header.length).toBe(51);
    const t = decodeNpy(npy(header, Uint8Array.from([7, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff])), 'in.npy');
    expect([...t.data]).toEqual([7, -2]);
  });

  it('reads a hand-written header NumPy would accept (double quotes, no spaces, Python 2 longs)', () => {
    const header = `${'{"descr":"<i2","shape":(2L,),"fortran_order":False}'.padEnd(53)}\n`;
    const t = decodeNpy(npy(header, Uint8Array.from([1, 0, 0xff, 0xff])), 'in.npy');
    expect(t.dtype).toBe('int16');
    expect([...t.data]).toEqual([1, -1]);
  });
});
