import { manualSeed, trace } from '@qtk/ir';
import { articleExampleInput, SmallModel } from '@qtk/ir/models';
import type { LoadedModel } from './LoadedModel.js';

/** What the CLI says when it uses the built-in model. */
export const BUILTIN_MODEL_DESCRIPTION =
  "the article's SmallModel (linear 256->256, layernorm, relu, linear 256->60, linear 60->60) with PyTorch's weights for seed 42";

/**
 * The model used when no model file is given: the article's SmallModel, built in code as the
 * article's script does (seed 42, example input, then the model), so its weights and example input
 * `x` are exactly PyTorch's (the fixture seed_small.onnx).
 */
export function builtinModel(): LoadedModel {
  manualSeed(42);
  const x = articleExampleInput();
  const model = new SmallModel();
  const graph = trace(model, x, { inputNames: ['x'], outputNames: ['z'] });
  return {
    graph,
    source: { kind: 'builtin', name: 'SmallModel', description: BUILTIN_MODEL_DESCRIPTION },
    metadata: { ...graph.metadata },
    exampleInputs: { x },
  };
}
