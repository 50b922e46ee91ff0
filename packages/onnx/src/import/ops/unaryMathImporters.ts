import type { OnnxOpImporter } from './OnnxOpImporter.js';
import { plainOpImporter } from './plainOpImporter.js';

// Before opset 6 these had `consumed_inputs` (a legacy form not imported); later versions only
// add element types.
export const unaryMathImporters: readonly OnnxOpImporter[] = [
  plainOpImporter('Neg', 6, 1),
  plainOpImporter('Abs', 6, 1),
  plainOpImporter('Sign', 9, 1),
  plainOpImporter('Reciprocal', 6, 1),
  plainOpImporter('Log', 6, 1),
  plainOpImporter('Floor', 6, 1),
  plainOpImporter('Ceil', 6, 1),
  plainOpImporter('Round', 11, 1),
  plainOpImporter('Cos', 7, 1),
  plainOpImporter('Sin', 7, 1),
];
