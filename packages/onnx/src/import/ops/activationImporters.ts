import type { OnnxOpImporter } from './OnnxOpImporter.js';
import { plainOpImporter } from './plainOpImporter.js';

// Opset 6 dropped `consumed_inputs`; PRelu's slope broadcasts one way from opset 7 (before, its
// shapes followed other rules). Later versions only add element types.
export const activationImporters: readonly OnnxOpImporter[] = [
  plainOpImporter('HardSwish', 14, 1),
  plainOpImporter('HardSigmoid', 6, 1, { alpha: 'float', beta: 'float' }),
  plainOpImporter('LeakyRelu', 6, 1, { alpha: 'float' }),
  plainOpImporter('PRelu', 7, 2),
  plainOpImporter('Elu', 6, 1, { alpha: 'float' }),
  plainOpImporter('Selu', 6, 1, { alpha: 'float', gamma: 'float' }),
  plainOpImporter('Softplus', 1, 1),
];
