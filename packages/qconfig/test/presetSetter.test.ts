import { manualSeed, type Tensor } from '@qtk/ir';
import { articleExampleInput, SmallModel } from '@qtk/ir/models';
import { createObserver } from '@qtk/observers';
import { runGraph } from '@qtk/simulator';
import { describe, expect, it } from 'vitest';
import {
  buildQconfigTable,
  defaultCalibrationQconfigSetter,
  defaultQatFixedActQconfigSetter,
  PRESET_OBSERVER_KINDS,
  PRESET_SETTERS,
  prepare,
  presetSetter,
} from '../src/index.js';

/** The article's input and model (seed 42): the same weights on every call. */
function article(): { x: Tensor; model: SmallModel } {
  manualSeed(42);
  const x = articleExampleInput();
  return { x, model: new SmallModel() };
}

describe('presetSetter', () => {
  it('returns the preset itself by name, and the same object when the observer is its own', () => {
    for (const [name, setter] of Object.entries(PRESET_SETTERS)) expect(presetSetter(name)).toBe(setter);
    expect(presetSetter('default-calibration', { observer: 'mse' })).toBe(defaultCalibrationQconfigSetter);
    expect(presetSetter('default-qat-fixed-act', { observer: 'minmax' })).toBe(defaultQatFixedActQconfigSetter);
  });

  it('an unknown preset lists the presets', () => {
    expect(() => presetSetter('int4')).toThrow(
      "unknown preset 'int4'; presets: default-calibration, default-qat, default-qat-fixed-act, calibration-8bit-weight-16bit-act, qat-8bit-weight-16bit-act, qat-8bit-weight-16bit-fixed-act",
    );
  });

  it('an unknown observer lists the observers that can be chosen by name', () => {
    expect(PRESET_OBSERVER_KINDS).toEqual(['minmax', 'mse', 'percentile', 'kl', 'mix']);
    expect(() => presetSetter('default-calibration', { observer: 'entropy' })).toThrow(
      "unknown observer 'entropy'; observers: minmax, mse, percentile, kl, mix",
    );
    expect(() => presetSetter('default-calibration', { observer: 'clip' })).toThrow(
      "observer 'clip' needs a range, so it cannot be chosen by name; observers: minmax, mse, percentile, kl, mix",
    );
    expect(() => presetSetter('default-calibration', { observer: 'fixed-scale' })).toThrow(
      "observer 'fixed-scale' needs a scale, so it cannot be chosen by name",
    );
  });

  it('refuses another observer for a fixed-act preset', () => {
    expect(() => presetSetter('qat-8bit-weight-16bit-fixed-act', { observer: 'kl' })).toThrow(
      "preset 'qat-8bit-weight-16bit-fixed-act' freezes MinMax activation scales after the first batch; observer 'kl' does not apply to it",
    );
  });

  it("replaces only the activation observer: dtypes and weights stay the preset's", () => {
    const a = article();
    const kl = prepare(a.model, a.x, {
      march: 'nash-m',
      qconfigSetter: presetSetter('calibration-8bit-weight-16bit-act', { observer: 'kl' }),
    });
    const b = article();
    const original = prepare(b.model, b.x, {
      march: 'nash-m',
      qconfigSetter: presetSetter('calibration-8bit-weight-16bit-act'),
    });
    const dtypes = (m: typeof kl) =>
      buildQconfigTable(m).ops.map((e) => [e.name, e.inputs.map((i) => i.dtype), e.output.dtype, e.weight ?? null]);
    // Same dtypes everywhere, same weight scales (set at prepare time).
    expect(dtypes(kl)).toEqual(dtypes(original));
    for (const [id, o] of kl.observers) {
      const isWeight = kl.points.get(id)?.role === 'weight';
      expect(o.config.kind, id).toBe(isWeight ? 'minmax' : 'kl');
    }
    expect(buildQconfigTable(kl).setters).toEqual(['calibration-8bit-weight-16bit-act']);
    expect(buildQconfigTable(kl).ops.find((e) => e.name === 'linear1')?.rule).toContain('qint16 activations (kl)');
  });

  it('the input scale after calibration is what a KL observer alone computes from the same data', () => {
    const { x, model: small } = article();
    const model = prepare(small, x, {
      march: 'nash-m',
      qconfigSetter: presetSetter('default-calibration', { observer: 'kl' }),
    });
    runGraph(model.graph, { [model.graph.inputs[0]?.name as string]: x }, { hooks: model.hooks });
    const input = model.observers.get('quant.activation_post_process');
    const alone = createObserver({ kind: 'kl' });
    alone.observe(x);
    expect(input?.scales('qint8')).toEqual(alone.scales('qint8'));
    // And KL clips differently from the preset's MSE on this data (the override took effect).
    const mse = createObserver({ kind: 'mse' });
    mse.observe(x);
    expect(alone.scales('qint8')).not.toEqual(mse.scales('qint8'));
  });

  it('skipNonFinite: activation observers skip NaN and infinity, count them, and the table warns', () => {
    const { x, model: small } = article();
    const finite = x.clone();
    const bad = x.clone();
    bad.data[3] = Number.NaN;
    bad.data[10] = Number.POSITIVE_INFINITY;
    // The skipped values leave the scale as if they were absent; replace them by finite ones that
    // cannot move MinMax (zero lies inside every calibrated range).
    finite.data[3] = 0;
    finite.data[10] = 0;
    const strict = prepare(small, x, { march: 'nash-m', qconfigSetter: presetSetter('default-qat') });
    const input = strict.graph.inputs[0]?.name as string;
    expect(() => runGraph(strict.graph, { [input]: bad }, { hooks: strict.hooks })).toThrow(
      '1 NaN and 1 infinite values in calibration data',
    );

    const skipping = prepare(article().model, x, {
      march: 'nash-m',
      qconfigSetter: presetSetter('default-qat', { skipNonFinite: true }),
    });
    for (const [id, o] of skipping.observers) {
      expect(o.config.nonFinite, id).toBe(skipping.points.get(id)?.role === 'weight' ? undefined : 'skip');
    }
    runGraph(skipping.graph, { [input]: bad }, { hooks: skipping.hooks });
    const quant = skipping.observers.get('quant.activation_post_process');
    expect(quant?.skippedNonFinite).toBe(2);
    const alone = createObserver({ kind: 'minmax' });
    alone.observe(finite);
    expect(quant?.scales('qint8')).toEqual(alone.scales('qint8'));
    const warnings = buildQconfigTable(skipping).warnings.filter((w) => w.kind === 'non-finite');
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]?.message).toBe('quant.activation_post_process: 2 NaN or infinite values skipped in calibration');
  });
});
