import { Tensor } from '@qtk/ir';

const MAX = 2n ** 63n - 1n;
const MIN = -(2n ** 63n);

/**
 * A 1-D int64 tensor from attribute values. Values read as doubles may round past the int64 range
 * (Slice's `ends` often holds INT64_MAX, which becomes 2^63): clamp instead of wrapping around.
 */
export function int64Tensor(values: readonly number[]): Tensor<'int64'> {
  const data = BigInt64Array.from(values, (v) => {
    const b = BigInt(Math.trunc(v));
    return b > MAX ? MAX : b < MIN ? MIN : b;
  });
  return new Tensor('int64', [values.length], data);
}
