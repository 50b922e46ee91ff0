import { Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { createObserver, OBSERVER_KINDS, type ObserverConfig, restoreObserver } from '../src/index.js';

describe('Clip and FixedScale observers', () => {
  it('Clip takes its scale from max(|min|, |max|)', () => {
    const o = createObserver({ kind: 'clip', min: -3, max: 1.5 });
    o.observe(Tensor.float32([2], [100, -100]));
    expect(o.scales('qint8')).toEqual([Math.fround(3 / 127.5)]);
    expect(o.batches).toBe(1);
  });

  it('FixedScale returns its scale for any dtype and still refuses NaN', () => {
    const o = createObserver({ kind: 'fixed-scale', scale: 0.25 });
    expect(o.scales('qint16')).toEqual([0.25]);
    expect(() => o.observe(Tensor.float32([1], [Number.NaN]), 'x')).toThrow(/x: 1 NaN/);
    expect(() => createObserver({ kind: 'fixed-scale', scale: 0 })).toThrow(/fixed scale 0/);
  });

  it('FixedScale takes one scale per channel, rounded to float32, and restores them from its state', () => {
    const o = createObserver({ kind: 'fixed-scale', scale: [0.5, 0.1, 2 ** -7] });
    expect(o.scales('qint8')).toEqual([0.5, Math.fround(0.1), 2 ** -7]);
    o.observe(Tensor.float32([2], [1, 2]));
    const back = restoreObserver(JSON.parse(JSON.stringify(o.state())));
    expect([back.batches, back.scales('qint16')]).toEqual([1, [0.5, Math.fround(0.1), 2 ** -7]]);
    expect(() => createObserver({ kind: 'fixed-scale', scale: [0.5, -1] })).toThrow(
      'fixed scale -1 must be a positive finite number',
    );
    expect(() => createObserver({ kind: 'fixed-scale', scale: [] })).toThrow(
      'fixed scale [] must be a positive finite number',
    );
  });
});

describe('createObserver', () => {
  it('lists the known observers for an unknown name', () => {
    expect(() => createObserver({ kind: 'entropy' } as unknown as ObserverConfig)).toThrow(
      "unknown observer 'entropy'; known observers: minmax, mse, percentile, kl, mix, clip, fixed-scale",
    );
    expect(OBSERVER_KINDS).toHaveLength(7);
  });

  it('refuses integer tensors, naming them', () => {
    expect(() => createObserver({ kind: 'mse' }).observe(Tensor.int64([1], [1]), 'ids')).toThrow(
      /ids: observers watch float tensors, got int64/,
    );
  });
});
