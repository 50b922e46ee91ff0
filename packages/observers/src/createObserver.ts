import { QtkError } from '@qtk/ir';
import { ClipObserver } from './fixed/ClipObserver.js';
import { FixedScaleObserver } from './fixed/FixedScaleObserver.js';
import { KlObserver } from './histogram/KlObserver.js';
import { MixObserver } from './histogram/MixObserver.js';
import { MseObserver } from './histogram/MseObserver.js';
import { PercentileObserver } from './histogram/PercentileObserver.js';
import { MinMaxObserver } from './minmax/MinMaxObserver.js';
import type { Observer } from './Observer.js';
import { OBSERVER_KINDS, type ObserverConfig } from './ObserverConfig.js';
import type { FixedObserverState, HistogramObserverState, MinMaxState, ObserverState } from './ObserverState.js';

/** A fresh observer for `config`; an unknown kind is an error listing the known ones. */
export function createObserver(config: ObserverConfig): Observer {
  return build(config, undefined);
}

/** The observer a saved {@link ObserverState} describes, as it was. */
export function restoreObserver(state: ObserverState): Observer {
  return build(state.config, state);
}

function build(config: ObserverConfig, state: ObserverState | undefined): Observer {
  switch (config.kind) {
    case 'minmax':
      return new MinMaxObserver(config, state as MinMaxState | undefined);
    case 'mse':
      return new MseObserver(config, state as HistogramObserverState | undefined);
    case 'percentile':
      return new PercentileObserver(config, state as HistogramObserverState | undefined);
    case 'kl':
      return new KlObserver(config, state as HistogramObserverState | undefined);
    case 'mix':
      return new MixObserver(config, state as HistogramObserverState | undefined);
    case 'clip':
      return new ClipObserver(config, state as FixedObserverState | undefined);
    case 'fixed-scale':
      return new FixedScaleObserver(config, state as FixedObserverState | undefined);
    default:
      throw new QtkError(
        'observer.unknown',
        `unknown observer '${String((config as { kind: unknown }).kind)}'; known observers: ${OBSERVER_KINDS.join(', ')}`,
      );
  }
}
