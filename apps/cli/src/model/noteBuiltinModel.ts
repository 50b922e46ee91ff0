import type { CliIo } from '../cli/CliIo.js';
import type { LoadedModel } from './LoadedModel.js';

/** Tells the user, on standard error, that the built-in model stands in for a missing model file. */
export function noteBuiltinModel(model: LoadedModel, io: CliIo, extra = ''): void {
  if (model.source.kind !== 'builtin') return;
  io.stderr(`qtk: no model file given; using the built-in model, ${model.source.description}${extra}\n`);
}
