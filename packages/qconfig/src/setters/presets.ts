import type { FakeQuantConfig } from '../QConfig.js';
import type { QconfigSetter } from './QconfigSetter.js';
import { templateSetter } from './templateSetter.js';

const act = (dtype: 'qint8' | 'qint16', observer: FakeQuantConfig['observer']): FakeQuantConfig => ({
  dtype,
  observer,
});

/** Calibration: qint8 activations by MSE, qint8 per-channel weights, high-precision outputs. */
export const defaultCalibrationQconfigSetter: QconfigSetter = templateSetter(
  'default-calibration',
  act('qint8', { kind: 'mse' }),
);

/** QAT: qint8 activations by MinMax with EMA (c = 0.01). */
export const defaultQatQconfigSetter: QconfigSetter = templateSetter('default-qat', act('qint8', { kind: 'minmax' }));

/** QAT with fixed activation scales: MinMax frozen after the first batch (c = 0). */
export const defaultQatFixedActQconfigSetter: QconfigSetter = templateSetter(
  'default-qat-fixed-act',
  act('qint8', { kind: 'minmax', averagingConstant: 0 }),
);

/** Calibration with qint16 activations (MSE) and qint8 weights. */
export const calibration8bitWeight16bitActQconfigSetter: QconfigSetter = templateSetter(
  'calibration-8bit-weight-16bit-act',
  act('qint16', { kind: 'mse' }),
);

/** QAT with qint16 activations (MinMax, EMA) and qint8 weights. */
export const qat8bitWeight16bitActQconfigSetter: QconfigSetter = templateSetter(
  'qat-8bit-weight-16bit-act',
  act('qint16', { kind: 'minmax' }),
);

/** QAT with fixed qint16 activation scales (c = 0) and qint8 weights. */
export const qat8bitWeight16bitFixedActQconfigSetter: QconfigSetter = templateSetter(
  'qat-8bit-weight-16bit-fixed-act',
  act('qint16', { kind: 'minmax', averagingConstant: 0 }),
);

/** The presets by their command-line names. */
export const PRESET_SETTERS: Readonly<Record<string, QconfigSetter>> = {
  'default-calibration': defaultCalibrationQconfigSetter,
  'default-qat': defaultQatQconfigSetter,
  'default-qat-fixed-act': defaultQatFixedActQconfigSetter,
  'calibration-8bit-weight-16bit-act': calibration8bitWeight16bitActQconfigSetter,
  'qat-8bit-weight-16bit-act': qat8bitWeight16bitActQconfigSetter,
  'qat-8bit-weight-16bit-fixed-act': qat8bitWeight16bitFixedActQconfigSetter,
};
