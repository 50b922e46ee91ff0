import { manualSeed, randn } from '@qtk/ir';
import { afterAll, bench, describe } from 'vitest';
import { createObserver, OBSERVER_KINDS, type ObserverConfig, type ObserverKind } from '../src/index.js';

// Throughput of `observe` (what calibration pays per activation tensor per batch) on one tensor of
// 4M float32 values, N(0, 1), for each observer kind. The histogram observers' clip search runs
// in `scales()`, once at the end of calibration, and is not part of this.

const ELEMENTS = 4 * 1024 * 1024;
manualSeed(0);
const x = randn([ELEMENTS]);

const configs: Record<ObserverKind, ObserverConfig> = {
  minmax: { kind: 'minmax' },
  mse: { kind: 'mse' },
  percentile: { kind: 'percentile' },
  kl: { kind: 'kl' },
  mix: { kind: 'mix' },
  clip: { kind: 'clip', min: -3, max: 3 },
  'fixed-scale': { kind: 'fixed-scale', scale: 0.02 },
};

// Time spent in observe() and calls, per kind, to print elements per second at the end (vitest's
// table gives calls per second; this says it in the unit calibration cares about).
const timing = new Map<ObserverKind, { ms: number; calls: number }>();

describe(`observe() on a ${ELEMENTS.toLocaleString('en-US')}-element float32 tensor`, () => {
  for (const kind of OBSERVER_KINDS) {
    const observer = createObserver(configs[kind]);
    const t = { ms: 0, calls: 0 };
    timing.set(kind, t);
    bench(kind, () => {
      const start = performance.now();
      observer.observe(x);
      t.ms += performance.now() - start;
      t.calls++;
    });
  }
});

// File level: vitest runs no describe-level hooks in bench mode.
afterAll(() => {
  const lines = [...timing].map(([kind, t]) => {
    const perSecond = (t.calls * ELEMENTS) / (t.ms / 1000);
    return `  ${kind.padEnd(12)} ${(perSecond / 1e6).toFixed(0).padStart(6)} M elements/s  (${(t.ms / t.calls).toFixed(2)} ms per call, ${t.calls} calls)`;
  });
  process.stdout.write(
    `\nobserve() throughput, ${ELEMENTS.toLocaleString('en-US')} float32 elements:\n${lines.join('\n')}\n`,
  );
});
