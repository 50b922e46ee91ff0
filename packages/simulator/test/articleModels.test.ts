import { manualSeed, trace } from '@qtk/ir';
import { articleExampleInput, SmallModel, SmallModelTwoOutputs } from '@qtk/ir/models';
import { describe, it } from 'vitest';
import { runGraph } from '../src/index.js';
import { expectMatchesPyTorch, fixtureTensor as fixture } from './support/pytorchReference.js';

// The article's models built with qtk's model API, traced and run, against PyTorch's outputs for
// the same seed (to 1e-4 absolute).
const ABS_TOLERANCE = 1e-4;

describe('the article models built and traced in TypeScript', () => {
  it('SmallModel with seed 42 reproduces the input and PyTorch output of seed_small', () => {
    manualSeed(42);
    const x = articleExampleInput();
    const model = new SmallModel();
    // PyTorch's vectorized Box-Muller differs from the scalar one by a few float32 ulps.
    expectMatchesPyTorch('article input x', x, fixture('seed_small.input.npy'), 5e-6);
    const graph = trace(model, x, { inputNames: ['x'], outputNames: ['z'] });
    const { outputs } = runGraph(graph, { x });
    expectMatchesPyTorch('SmallModel z', outputs.z, fixture('seed_small.output.npy'), ABS_TOLERANCE);
  });

  it('SmallModelTwoOutputs reproduces seed_two_outputs', () => {
    manualSeed(42);
    const x = articleExampleInput();
    const model = new SmallModelTwoOutputs();
    const graph = trace(model, x, { inputNames: ['x'], outputNames: ['z', 'y'] });
    const { outputs } = runGraph(graph, { x });
    expectMatchesPyTorch('SmallModelTwoOutputs z', outputs.z, fixture('seed_two_outputs.output_z.npy'), ABS_TOLERANCE);
    expectMatchesPyTorch('SmallModelTwoOutputs y', outputs.y, fixture('seed_two_outputs.output_y.npy'), ABS_TOLERANCE);
  });
});
