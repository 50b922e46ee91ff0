import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tensor } from '@qtk/ir';
import { importOnnx } from '@qtk/onnx';
import { type OnnxNodeTest, onnxNodeTests, readFixtureNpy } from '@qtk/test-fixtures';
import { afterAll, describe, it } from 'vitest';
import { evaluateNode, runGraph } from '../src/index.js';
import { expectClose } from './support/expectClose.js';
import { tensorFromFixture } from './support/tensorConversion.js';

// ONNX's own node conformance tests: import each model, run it on its inputs, compare with the
// expected outputs (floats to 1e-5 relative to max(|expected|, 1), integers exactly).
const RTOL = 1e-5;

const tests = onnxNodeTests();

const fixture = (t: OnnxNodeTest, file: string) => tensorFromFixture(readFixtureNpy(join(t.dir, file)));

describe('ONNX node conformance tests', () => {
  let worst = { name: '', scaled: 0 };
  afterAll(() => {
    console.log(
      `largest scaled difference from ONNX's expected outputs: ${worst.scaled.toExponential(2)} (${worst.name})`,
    );
  });
  for (const t of tests) {
    it(t.name, () => {
      const path = join(t.dir, 'model.onnx');
      const graph = importOnnx(readFileSync(path), { source: path, fuse: false, evaluate: evaluateNode });
      const feeds: Record<string, Tensor> = {};
      for (const input of t.inputs) feeds[input.name] = fixture(t, input.file);
      const { outputs } = runGraph(graph, feeds);
      for (const output of t.outputs) {
        const d = expectClose(outputs[output.name], fixture(t, output.file), RTOL, `${t.name}: output ${output.name}`);
        if (d.maxScaled > worst.scaled) worst = { name: t.name, scaled: d.maxScaled };
      }
    });
  }
});
