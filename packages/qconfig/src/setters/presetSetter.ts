import { QtkError } from '@qtk/ir';
import type { ObserverConfig, ObserverKind } from '@qtk/observers';
import type { FakeQuantConfig } from '../QConfig.js';
import { PRESET_ACTIVATIONS, PRESET_SETTERS } from './presets.js';
import type { QconfigSetter } from './QconfigSetter.js';
import { templateSetter } from './templateSetter.js';

/**
 * The observers that can replace a preset's activation observer by name alone. `clip` and
 * `fixed-scale` are absent: they need a range or a scale, which a name cannot carry.
 */
export const PRESET_OBSERVER_KINDS: readonly ObserverKind[] = ['minmax', 'mse', 'percentile', 'kl', 'mix'];

/** Options of {@link presetSetter}. */
export interface PresetSetterOptions {
  /**
   * The activation observer, in place of the preset's own (the CLI's `--observer`). Its default
   * configuration is used; weights keep per-channel MinMax.
   */
  readonly observer?: string;
  /**
   * Activation observers skip NaN and infinite values instead of refusing them (the CLI's
   * `--skip-non-finite`), and count them: the qconfig table warns for each observer that skipped
   * any. Weights stay strict: a non-finite weight is always an error.
   */
  readonly skipNonFinite?: boolean;
}

function activationObserver(preset: string, own: ObserverConfig, kind: string): ObserverConfig {
  const kinds = PRESET_OBSERVER_KINDS.join(', ');
  if (!(PRESET_OBSERVER_KINDS as readonly string[]).includes(kind)) {
    const needsParameters = kind === 'clip' || kind === 'fixed-scale';
    throw new QtkError(
      'qconfig.observer',
      needsParameters
        ? `observer '${kind}' needs a ${kind === 'clip' ? 'range' : 'scale'}, so it cannot be chosen by name; observers: ${kinds}`
        : `unknown observer '${kind}'; observers: ${kinds}`,
    );
  }
  const fixed = own.kind === 'minmax' && own.averagingConstant === 0;
  if (kind === own.kind) return own;
  if (fixed) {
    // The "fixed act" presets are defined by MinMax frozen after the first batch; another observer
    // would silently drop what the preset's name promises.
    throw new QtkError(
      'qconfig.observer',
      `preset '${preset}' freezes MinMax activation scales after the first batch; observer '${kind}' does not apply to it`,
    );
  }
  return { kind } as ObserverConfig;
}

function withNonFinite(observer: ObserverConfig, skip: boolean | undefined): ObserverConfig {
  return skip ? { ...observer, nonFinite: 'skip' } : observer;
}

/**
 * The preset called `name` (`default-calibration`, ...); an unknown name lists the valid ones. With
 * `options.observer`, the preset's activations are observed by that observer instead (same dtypes,
 * same weights, same rules; the setter keeps the preset's name and its rules name the observer).
 * With `options.skipNonFinite`, the activation observers skip non-finite values.
 */
export function presetSetter(name: string, options: PresetSetterOptions = {}): QconfigSetter {
  const s = PRESET_SETTERS[name];
  const activation = PRESET_ACTIVATIONS[name];
  if (!s || !activation)
    throw new QtkError(
      'qconfig.preset',
      `unknown preset '${name}'; presets: ${Object.keys(PRESET_SETTERS).join(', ')}`,
    );
  const chosen =
    options.observer === undefined
      ? activation.observer
      : activationObserver(name, activation.observer, options.observer);
  const observer = withNonFinite(chosen, options.skipNonFinite);
  if (observer === activation.observer) return s;
  const replaced: FakeQuantConfig = { ...activation, observer };
  return templateSetter(name, replaced);
}
