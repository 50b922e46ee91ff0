import { loadOnnx } from '@qtk/onnx';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, it } from 'vitest';
import { evaluateNode, runGraph } from '../src/index.js';
import { expectMatchesPyTorch, fixtureTensor as fixture } from './support/pytorchReference.js';

// Float inference of PyTorch-exported models against PyTorch's own outputs, to 1e-4 absolute.
const ABS_TOLERANCE = 1e-4;

describe('PyTorch-exported fixtures, imported with constant folding', () => {
  const x = fixture('seed_small.input.npy');

  it('seed_small.onnx matches PyTorch', async () => {
    const graph = await loadOnnx(fixturePath('seed_small.onnx'), { evaluate: evaluateNode });
    const { outputs } = runGraph(graph, { [graph.inputs[0]?.name ?? 'x']: x });
    expectMatchesPyTorch('seed_small z', outputs.z, fixture('seed_small.output.npy'), ABS_TOLERANCE);
  });

  it('seed_two_outputs.onnx matches PyTorch on both outputs', async () => {
    const graph = await loadOnnx(fixturePath('seed_two_outputs.onnx'), { evaluate: evaluateNode });
    const { outputs } = runGraph(graph, { [graph.inputs[0]?.name ?? 'x']: x });
    expectMatchesPyTorch('seed_two_outputs z', outputs.z, fixture('seed_two_outputs.output_z.npy'), ABS_TOLERANCE);
    expectMatchesPyTorch('seed_two_outputs y', outputs.y, fixture('seed_two_outputs.output_y.npy'), ABS_TOLERANCE);
  });

  it('small_cnn.onnx matches PyTorch', async () => {
    const graph = await loadOnnx(fixturePath('small_cnn.onnx'), { evaluate: evaluateNode });
    const input = fixture('small_cnn.input.npy');
    const { outputs } = runGraph(graph, { [graph.inputs[0]?.name ?? 'x']: input });
    expectMatchesPyTorch('small_cnn logits', outputs.logits, fixture('small_cnn.output.npy'), ABS_TOLERANCE);
  });
});
