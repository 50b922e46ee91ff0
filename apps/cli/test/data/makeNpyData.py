"""Writes the .npy/.npz files the CLI's tests read, with NumPy itself as the independent writer.

Run from this folder: `python3 makeNpyData.py` (NumPy 2.x). The outputs are committed so that the
tests need no Python. The tests hold the same values as literals; keep both in sync.
"""

import zipfile

import numpy as np

VALUES = {
    'float32': [0.0, -0.0, 1.5, -2.25, 3.4028234663852886e38, 1e-45],
    'float64': [0.0, -0.0, 0.1, -2.5, 1.7976931348623157e308, 5e-324],
    'int8': [-128, -1, 0, 1, 2, 127],
    'int16': [-32768, -1, 0, 1, 2, 32767],
    'int32': [-2147483648, -1, 0, 1, 2, 2147483647],
    'int64': [-9223372036854775808, -1, 0, 1, 9007199254740993, 9223372036854775807],
    'uint8': [0, 1, 2, 128, 254, 255],
    'bool': [True, False, True, True, False, False],
}

for name, values in VALUES.items():
    np.save(f'{name}_2x3.npy', np.array(values, dtype=name).reshape(2, 3))

np.save('float32_scalar.npy', np.array(7.5, dtype=np.float32))
np.save('int64_1d.npy', np.array([3, -4, 5], dtype=np.int64))
np.save('float32_0x3.npy', np.zeros((0, 3), dtype=np.float32))

# Files the reader must refuse.
np.save('fortran_2x3.npy', np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
np.save('bigendian_2x3.npy', np.arange(6, dtype='>f4').reshape(2, 3))
np.save('float16_2x3.npy', np.arange(6, dtype=np.float16).reshape(2, 3))
np.save('complex64_3.npy', np.arange(3, dtype=np.complex64))
np.save('uint16_3.npy', np.arange(3, dtype=np.uint16))
np.save('structured_2.npy', np.zeros(2, dtype=[('a', '<f4'), ('b', '<i4')]))
with open('float32_2x3.npy', 'rb') as f:
    whole = f.read()
with open('truncated_2x3.npy', 'wb') as f:
    f.write(whole[:-5])  # 6 float32 need 24 bytes of data; 19 remain
with open('trailing_2x3.npy', 'wb') as f:
    f.write(whole + b'\0\0\0\0')

# Inputs for `qtk run` error cases: a [1,3,32,32] float32 with two NaN and one -inf.
bad = np.zeros((1, 3, 32, 32), dtype=np.float32)
bad[0, 0, 0, 0] = np.nan
bad[0, 1, 2, 3] = np.nan
bad[0, 2, 31, 31] = -np.inf
np.save('nan_inf_1x3x32x32.npy', bad)

# An input for a hand-made [batch, 4] model.
np.save('x_2x4.npy', np.array([[1, 2, 3, 4], [5, 6, 7, 8]], dtype=np.float32))

# Archives as calibrate --data will read them: plain and compressed (both zip64, as NumPy writes).
a = np.arange(6, dtype=np.float32).reshape(2, 3)
b = np.array([1, -2, 3], dtype=np.int64)
np.savez('pair.npz', a=a, b=b)
np.savez_compressed('pair_compressed.npz', a=a, b=b)
with zipfile.ZipFile('not_npy_member.npz', 'w') as z:
    # A fixed date keeps the file the same from run to run.
    z.writestr(zipfile.ZipInfo('a.npy', date_time=(1980, 1, 1, 0, 0, 0)), b'this is not an npy file')
