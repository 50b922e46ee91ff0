import type { OnnxOpImporter } from './OnnxOpImporter.js';
import { plainOpImporter } from './plainOpImporter.js';

/** Where (opset 9 on; 16 only adds element types). */
export const whereImporter: OnnxOpImporter = plainOpImporter('Where', 9, 3);
