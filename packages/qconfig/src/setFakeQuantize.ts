import type { FakeQuantState } from './FakeQuantState.js';
import type { PreparedModel } from './PreparedModel.js';

/**
 * Switches a prepared model between CALIBRATION, VALIDATION and QAT (SPEC section 4). Leaving
 * CALIBRATION fixes each FakeQuantize's scales from its observer; a point whose observer saw no
 * data is an error naming it.
 */
export function setFakeQuantize(model: PreparedModel, state: FakeQuantState): void {
  model.setState(state);
}
