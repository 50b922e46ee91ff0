import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tensor } from '@qtk/ir';
import { importOnnx } from '@qtk/onnx';
import {
  nodeTestExpectedOutputs,
  nodeTestInputs,
  nodeTestReference,
  ONNX_EXPECTED_OUTPUT_ERRATA,
  onnxNodeTests,
  onnxruntimeNodeTestOutputs,
  tensorDifference,
} from '@qtk/test-fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateNode, runGraph } from '../src/index.js';
import { expectClose } from './support/expectClose.js';

// ONNX's own node conformance tests: import each model, run it on its inputs, compare with the
// expected outputs (floats to 1e-5 relative to max(|expected|, 1), integers exactly). A few of
// ONNX 1.12's expected outputs are wrong (ONNX_EXPECTED_OUTPUT_ERRATA says why); those tests are
// checked against onnxruntime running the original model instead.
const RTOL = 1e-5;

const tests = onnxNodeTests();

describe('ONNX node conformance tests', () => {
  let worst = { name: '', scaled: 0 };
  afterAll(() => {
    console.log(
      `largest scaled difference from ONNX's expected outputs: ${worst.scaled.toExponential(2)} (${worst.name})`,
    );
  });
  for (const t of tests) {
    it(t.name, async () => {
      const path = join(t.dir, 'model.onnx');
      const graph = importOnnx(readFileSync(path), { source: path, fuse: false, evaluate: evaluateNode });
      const { outputs } = runGraph(graph, nodeTestInputs(t));
      const reference = await nodeTestReference(t);
      for (const output of t.outputs) {
        const expected = reference[output.name] as Tensor;
        const d = expectClose(outputs[output.name], expected, RTOL, `${t.name}: output ${output.name}`);
        if (d.maxScaled > worst.scaled) worst = { name: t.name, scaled: d.maxScaled };
      }
    });
  }
});

describe("ONNX 1.12's expected outputs that are wrong", () => {
  for (const [name, why] of Object.entries(ONNX_EXPECTED_OUTPUT_ERRATA)) {
    it(`${name} still differs from onnxruntime beyond the tolerance (${why})`, async () => {
      const t = tests.find((x) => x.name === name);
      expect(t, name).toBeDefined();
      const test = t as (typeof tests)[number];
      const ort = await onnxruntimeNodeTestOutputs(test);
      const expected = nodeTestExpectedOutputs(test);
      const worst = Math.max(
        ...test.outputs.map((o) => tensorDifference(ort[o.name] as Tensor, expected[o.name] as Tensor).maxScaled),
      );
      expect(worst).toBeGreaterThan(RTOL);
    });
  }
});
