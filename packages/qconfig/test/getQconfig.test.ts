import { describe, expect, it } from 'vitest';
import { getQconfig } from '../src/index.js';

describe('getQconfig', () => {
  it('defaults to qint8 MinMax activations and qint8 per-channel MinMax weights', () => {
    expect(getQconfig()).toEqual({
      output: { dtype: 'qint8', observer: { kind: 'minmax' } },
      weight: { dtype: 'qint8', observer: { kind: 'minmax' }, perChannel: true },
      input: null,
    });
  });

  it('takes an observer by name, dtypes, and high-precision output (outDtype null)', () => {
    const q = getQconfig({ observer: 'mse', outDtype: null, weightDtype: 'qint16', inDtype: 'qint16' });
    expect(q.output).toBeNull();
    expect(q.weight?.dtype).toBe('qint16');
    expect(q.input).toEqual({ dtype: 'qint16', observer: { kind: 'mse' } });
  });

  it('fixScale freezes a MinMax observer (c = 0) and is refused for others', () => {
    expect(getQconfig({ fixScale: true }).output?.observer).toEqual({ kind: 'minmax', averagingConstant: 0 });
    expect(() => getQconfig({ observer: 'mse', fixScale: true })).toThrow(/fixScale freezes a MinMax observer/);
  });

  it('lists valid observers and refuses non-quantized dtypes', () => {
    expect(() => getQconfig({ observer: 'entropy' as 'mse' })).toThrow(
      "unknown observer 'entropy'; known observers: minmax, mse, percentile, kl, mix, clip, fixed-scale",
    );
    expect(() => getQconfig({ outDtype: 'int8' as 'qint8' })).toThrow(/outDtype 'int8' is not a quantized dtype/);
  });
});
