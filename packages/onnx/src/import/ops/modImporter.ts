import type { OnnxOpImporter } from './OnnxOpImporter.js';
import { plainOpImporter } from './plainOpImporter.js';

/** Mod (opset 10 on), `fmod` 0 or 1. */
export const modImporter: OnnxOpImporter = plainOpImporter('Mod', 10, 2, { fmod: 'int' });
