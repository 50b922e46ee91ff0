import type { FakeQuantConfig } from '../QConfig.js';
import type { QconfigSetter } from './QconfigSetter.js';
import { templateSetter } from './templateSetter.js';

const act = (dtype: 'qint8' | 'qint16', observer: FakeQuantConfig['observer']): FakeQuantConfig => ({
  dtype,
  observer,
});

/**
 * The activation quantization of each preset template, by its command-line name. Weights are the
 * same in every template (`TEMPLATE_WEIGHT`); `presetSetter(name, { observer })` builds a
 * preset with another activation observer from these.
 */
export const PRESET_ACTIVATIONS: Readonly<Record<string, FakeQuantConfig>> = {
  'default-calibration': act('qint8', { kind: 'mse' }),
  'default-qat': act('qint8', { kind: 'minmax' }),
  'default-qat-fixed-act': act('qint8', { kind: 'minmax', averagingConstant: 0 }),
  'calibration-8bit-weight-16bit-act': act('qint16', { kind: 'mse' }),
  'qat-8bit-weight-16bit-act': act('qint16', { kind: 'minmax' }),
  'qat-8bit-weight-16bit-fixed-act': act('qint16', { kind: 'minmax', averagingConstant: 0 }),
};

const preset = (name: string): QconfigSetter => templateSetter(name, PRESET_ACTIVATIONS[name] as FakeQuantConfig);

/** Calibration: qint8 activations by MSE, qint8 per-channel weights, high-precision outputs. */
export const defaultCalibrationQconfigSetter: QconfigSetter = preset('default-calibration');

/** QAT: qint8 activations by MinMax with EMA (c = 0.01). */
export const defaultQatQconfigSetter: QconfigSetter = preset('default-qat');

/** QAT with fixed activation scales: MinMax frozen after the first batch (c = 0). */
export const defaultQatFixedActQconfigSetter: QconfigSetter = preset('default-qat-fixed-act');

/** Calibration with qint16 activations (MSE) and qint8 weights. */
export const calibration8bitWeight16bitActQconfigSetter: QconfigSetter = preset('calibration-8bit-weight-16bit-act');

/** QAT with qint16 activations (MinMax, EMA) and qint8 weights. */
export const qat8bitWeight16bitActQconfigSetter: QconfigSetter = preset('qat-8bit-weight-16bit-act');

/** QAT with fixed qint16 activation scales (c = 0) and qint8 weights. */
export const qat8bitWeight16bitFixedActQconfigSetter: QconfigSetter = preset('qat-8bit-weight-16bit-fixed-act');

/** The presets by their command-line names. */
export const PRESET_SETTERS: Readonly<Record<string, QconfigSetter>> = {
  'default-calibration': defaultCalibrationQconfigSetter,
  'default-qat': defaultQatQconfigSetter,
  'default-qat-fixed-act': defaultQatFixedActQconfigSetter,
  'calibration-8bit-weight-16bit-act': calibration8bitWeight16bitActQconfigSetter,
  'qat-8bit-weight-16bit-act': qat8bitWeight16bitActQconfigSetter,
  'qat-8bit-weight-16bit-fixed-act': qat8bitWeight16bitFixedActQconfigSetter,
};
