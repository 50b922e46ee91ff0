import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isQtkError, type Tensor, verifyGraph } from '@qtk/ir';
import { onnxNodeTests } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { exportOnnx, importOnnx, SUPPORTED_ONNX_OPS } from '../../src/index.js';
import { fixtureTensor } from '../helpers/fixtureTensor.js';
import { runOrt } from '../helpers/ort.js';

const tests = onnxNodeTests();

/** Elementwise |a - b| <= atol + rtol |b| for floats, equality otherwise. */
function expectClose(name: string, got: Tensor, expected: Tensor): void {
  expect([...got.shape], name).toEqual([...expected.shape]);
  expect(got.dtype, name).toBe(expected.dtype);
  const float = got.dtype === 'float32' || got.dtype === 'float64';
  for (let i = 0; i < got.size; i++) {
    const g = got.data[i] as number | bigint;
    const e = expected.data[i] as number | bigint;
    if (!float) {
      expect(g, `${name}[${i}]`).toBe(e);
    } else if (Math.abs(Number(g) - Number(e)) > 1e-5 + 1e-5 * Math.abs(Number(e))) {
      expect(Number(g), `${name}[${i}]`).toBe(Number(e));
    }
  }
}

describe("ONNX's node conformance tests", () => {
  it('cover only ops qtk imports, QuantizeLinear/DequantizeLinear included', () => {
    const qdq = tests.filter((t) => t.ops.some((op) => op === 'QuantizeLinear' || op === 'DequantizeLinear'));
    expect(qdq.map((t) => t.name).sort()).toEqual([
      'test_dequantizelinear',
      'test_dequantizelinear_axis',
      'test_dynamicquantizelinear_expanded',
      'test_dynamicquantizelinear_max_adjusted_expanded',
      'test_dynamicquantizelinear_min_adjusted_expanded',
      'test_quantizelinear',
      'test_quantizelinear_axis',
    ]);
    const ops = new Set(tests.flatMap((t) => t.ops));
    expect([...ops].filter((op) => !SUPPORTED_ONNX_OPS.includes(op))).toEqual([]);
  });

  it.each(tests.map((t) => [t.name, t] as const))('%s imports, verifies, and its export runs right', async (_, t) => {
    const bytes: Uint8Array = readFileSync(join(t.dir, 'model.onnx'));
    const outputs = t.outputs;
    let graph: ReturnType<typeof importOnnx>;
    try {
      graph = importOnnx(bytes, { source: t.name });
    } catch (e) {
      if (isQtkError(e)) expect.fail(e.message);
      throw e;
    }
    verifyGraph(graph);
    expect(graph.outputs.map((v) => v.name)).toEqual(outputs.map((o) => o.name));
    // Independent truth: ONNX's expected outputs, from onnxruntime running qtk's export.
    const feeds = Object.fromEntries(t.inputs.map((i) => [i.name, fixtureTensor(join(t.dir, i.file))]));
    const got = await runOrt(exportOnnx(graph), feeds);
    for (const o of outputs)
      expectClose(`${t.name}:${o.name}`, got[o.name] as Tensor, fixtureTensor(join(t.dir, o.file)));
  });
});
