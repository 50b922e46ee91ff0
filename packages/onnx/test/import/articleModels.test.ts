import { readFileSync } from 'node:fs';
import { type Graph, manualSeed, type Tensor, tensorsIdentical, trace } from '@qtk/ir';
import { articleExampleInput, SmallModel, SmallModelTwoOutputs } from '@qtk/ir/models';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { exportOnnx, importOnnx } from '../../src/index.js';
import { maxOutputDiff } from '../helpers/compare.js';
import { fixtureTensor } from '../helpers/fixtureTensor.js';
import { runOrt } from '../helpers/ort.js';

const STUBS = new Set(['QuantStub', 'DeQuantStub']);
const layers = (g: Graph) => g.nodes.filter((n) => !STUBS.has(n.op));

function traced(Model: typeof SmallModel | typeof SmallModelTwoOutputs, outputNames: string[]): Graph {
  manualSeed(42);
  const x = articleExampleInput();
  return trace(new Model(), x, { inputNames: ['x'], outputNames });
}

const CASES = [
  { Model: SmallModel, onnx: 'seed_small.onnx', outputs: { z: 'seed_small.output.npy' } },
  {
    Model: SmallModelTwoOutputs,
    onnx: 'seed_two_outputs.onnx',
    outputs: { z: 'seed_two_outputs.output_z.npy', y: 'seed_two_outputs.output_y.npy' },
  },
];

describe.each(CASES)(
  '$Model.name, traced in TypeScript, against $onnx exported by PyTorch',
  ({ Model, onnx, outputs }) => {
    const names = Object.keys(outputs);
    const imported = importOnnx(readFileSync(fixturePath(onnx)));

    it('has the same layers (ops and names, stubs aside) and the same outputs', () => {
      const graph = traced(Model, names);
      expect(layers(graph).map((n) => `${n.name}:${n.op}`)).toEqual(layers(imported).map((n) => `${n.name}:${n.op}`));
      expect(graph.outputs.map((v) => v.name)).toEqual(imported.outputs.map((v) => v.name));
    });

    it('has bitwise the same weights as the imported constants', () => {
      const graph = traced(Model, names);
      let compared = 0;
      for (const node of layers(graph)) {
        const other = imported.findNode(node.name);
        expect(other?.inputs.length).toBe(node.inputs.length);
        node.inputs.forEach((v, i) => {
          if (!v?.constant) return;
          const c = other?.inputs[i]?.constant as Tensor;
          expect(tensorsIdentical(v.constant as Tensor, c), `${node.name} input ${i}`).toBe(true);
          compared++;
        });
      }
      expect(compared).toBe(8); // 3 Linear weights and biases, LayerNorm scale and bias
    });

    it('exported, runs in onnxruntime with PyTorch’s outputs (within 1e-4)', async () => {
      const got = await runOrt(exportOnnx(traced(Model, names)), { x: fixtureTensor('seed_small.input.npy') });
      const reference = Object.fromEntries(Object.entries(outputs).map(([k, f]) => [k, fixtureTensor(f)]));
      // Measured: 3.0e-7 (SmallModel) and 6.0e-7 (SmallModelTwoOutputs).
      expect(maxOutputDiff(reference, got)).toBeLessThanOrEqual(1e-4);
    });
  },
);
