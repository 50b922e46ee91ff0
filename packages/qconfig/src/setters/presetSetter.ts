import { QtkError } from '@qtk/ir';
import { PRESET_SETTERS } from './presets.js';
import type { QconfigSetter } from './QconfigSetter.js';

/** The preset called `name` (`default-calibration`, ...); an unknown name lists the valid ones. */
export function presetSetter(name: string): QconfigSetter {
  const s = PRESET_SETTERS[name];
  if (!s)
    throw new QtkError(
      'qconfig.preset',
      `unknown preset '${name}'; presets: ${Object.keys(PRESET_SETTERS).join(', ')}`,
    );
  return s;
}
