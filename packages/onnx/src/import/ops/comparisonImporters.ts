import type { OnnxOpImporter } from './OnnxOpImporter.js';
import { plainOpImporter } from './plainOpImporter.js';

// Before opset 7 the binary ones broadcast only with a `broadcast` attribute (not imported).
export const comparisonImporters: readonly OnnxOpImporter[] = [
  plainOpImporter('Equal', 7, 2),
  plainOpImporter('Less', 7, 2),
  plainOpImporter('Greater', 7, 2),
  plainOpImporter('LessOrEqual', 12, 2),
  plainOpImporter('GreaterOrEqual', 12, 2),
  plainOpImporter('Not', 1, 1),
  plainOpImporter('And', 7, 2),
  plainOpImporter('Or', 7, 2),
  plainOpImporter('Xor', 7, 2),
];
