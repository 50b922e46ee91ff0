import { join } from 'node:path';
import type { Tensor } from '@qtk/ir';
import { nodeTestReference, onnxNodeTests, readFixtureTensor, tensorDifference } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { outputFileNames } from '../src/run/outputFileNames.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';

// ONNX's own node conformance tests, both suites, as a user runs them: `qtk run model.onnx --input
// name=file.npy ... --out dir`, then each written `.npy` (read by the test fixtures' reader, not
// the CLI's) against ONNX's expected output: integers and bools exactly, floats within 1e-5 of
// max(|expected|, 1). The few tests whose expected outputs ONNX 1.12 got wrong are checked against
// onnxruntime running the original model (see ONNX_EXPECTED_OUTPUT_ERRATA in the fixtures).
const RTOL = 1e-5;

describe('qtk run on ONNX node conformance tests', () => {
  const tmp = useTempDir();
  for (const t of onnxNodeTests()) {
    it(`${t.suite}/${t.name}`, async () => {
      const out = join(tmp(), t.suite, t.name);
      const inputs = t.inputs.flatMap((i) => ['--input', `${i.name}=${join(t.dir, i.file)}`]);
      const r = await runCli('run', join(t.dir, 'model.onnx'), ...inputs, '--out', out, '--quiet');
      expect(r.stderr, t.name).toBe('');
      expect(r.code).toBe(0);
      const files = outputFileNames(t.outputs.map((o) => o.name));
      const reference = await nodeTestReference(t);
      t.outputs.forEach((o, k) => {
        const got = readFixtureTensor(join(out, files[k] as string));
        const d = tensorDifference(got, reference[o.name] as Tensor);
        expect(d.mismatch, `output ${o.name}`).toBeUndefined();
        expect(d.maxScaled, `output ${o.name}: largest difference ${d.maxAbs}`).toBeLessThanOrEqual(RTOL);
      });
    });
  }
});
