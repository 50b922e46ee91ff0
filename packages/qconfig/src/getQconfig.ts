import { isQuantDType, QtkError, type QuantDType } from '@qtk/ir';
import { OBSERVER_KINDS, type ObserverConfig, type ObserverKind } from '@qtk/observers';
import type { FakeQuantConfig, QConfig } from './QConfig.js';

/** Options of {@link getQconfig}, after the vendor's `get_qconfig`. */
export interface GetQconfigOptions {
  /** Activation observer: a kind (`'mse'`, `'minmax'`, ...) or a full configuration. Default `'minmax'`. */
  observer?: ObserverKind | ObserverConfig;
  /** Quantize unquantized inputs to this dtype (`null`, the default: inputs are not re-quantized). */
  inDtype?: QuantDType | null;
  /** Weight dtype (per channel, MinMax). Default `'qint8'`; `null` leaves weights float. */
  weightDtype?: QuantDType | null;
  /** Output dtype. Default `'qint8'`; `null` gives a high-precision output. */
  outDtype?: QuantDType | null;
  /** Freeze activation scales after the first batch (MinMax averaging constant 0: "fixed act"). */
  fixScale?: boolean;
}

function observerConfig(observer: GetQconfigOptions['observer'], fixScale: boolean): ObserverConfig {
  const config: ObserverConfig =
    typeof observer === 'object' ? observer : ({ kind: observer ?? 'minmax' } as ObserverConfig);
  if (!OBSERVER_KINDS.includes(config.kind)) {
    throw new QtkError(
      'qconfig.observer',
      `unknown observer '${String(config.kind)}'; known observers: ${OBSERVER_KINDS.join(', ')}`,
    );
  }
  if (!fixScale) return config;
  if (config.kind !== 'minmax') {
    throw new QtkError(
      'qconfig.fix-scale',
      `fixScale freezes a MinMax observer's EMA; it does not apply to '${config.kind}'`,
    );
  }
  return { ...config, averagingConstant: 0 };
}

function checkDtype(name: string, d: QuantDType | null | undefined): void {
  if (d != null && !isQuantDType(d)) {
    throw new QtkError('qconfig.dtype', `${name} '${String(d)}' is not a quantized dtype (qint8, qint16, qint32)`);
  }
}

/**
 * A {@link QConfig} from the vendor's `get_qconfig` arguments: activations by `observer` in
 * `outDtype`, weights per channel by MinMax in `weightDtype`.
 */
export function getQconfig(options: GetQconfigOptions = {}): QConfig {
  const outDtype = options.outDtype === undefined ? 'qint8' : options.outDtype;
  const weightDtype = options.weightDtype === undefined ? 'qint8' : options.weightDtype;
  const inDtype = options.inDtype ?? null;
  checkDtype('outDtype', outDtype);
  checkDtype('weightDtype', weightDtype);
  checkDtype('inDtype', inDtype);
  const activation = observerConfig(options.observer, options.fixScale ?? false);
  const fq = (dtype: QuantDType): FakeQuantConfig => ({ dtype, observer: activation });
  return {
    output: outDtype ? fq(outDtype) : null,
    weight: weightDtype ? { dtype: weightDtype, observer: { kind: 'minmax' }, perChannel: true } : null,
    input: inDtype ? fq(inDtype) : null,
  };
}
