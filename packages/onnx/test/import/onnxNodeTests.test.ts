import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Graph, isQtkError, type Tensor, verifyGraph } from '@qtk/ir';
import { nodeTestReference, onnxNodeTests } from '@qtk/test-fixtures';
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

/**
 * The data and ratio of a Dropout that these feeds run in training mode with a ratio above 0,
 * where it draws a random mask; `undefined` for any other graph.
 */
function randomDropout(graph: Graph, feeds: Record<string, Tensor>): { x: Tensor; ratio: number } | undefined {
  const node = graph.nodes.find((n) => n.op === 'Dropout');
  const inputOf = (i: number) => {
    const v = node?.inputs[i];
    return v ? (v.constant ?? feeds[v.name]) : undefined;
  };
  const training = inputOf(2);
  const ratio = inputOf(1);
  const x = inputOf(0);
  if (!training || training.data[0] === 0 || !x) return undefined;
  const r = ratio ? Number(ratio.data[0]) : 0.5;
  return r === 0 ? undefined : { x, ratio: r };
}

/**
 * A training-mode Dropout draws its mask at random, and onnxruntime draws a different one from ONNX's
 * reference (NumPy's generator, which the expected outputs and qtk's simulator follow; the
 * simulator and CLI suites compare those values exactly). Through onnxruntime only what does not
 * depend on the draw can be checked: the export runs, the outputs have the expected dtypes and
 * shapes, and each output entry is what Dropout makes of its input under onnxruntime's own mask:
 * 0 where dropped, x / (1 - ratio) where kept (the mask, when returned, saying which).
 */
function expectDropoutOf(name: string, got: Tensor[], expected: Tensor[], x: Tensor, ratio: number): void {
  got.forEach((g, k) => {
    expect([g.dtype, ...g.shape], name).toEqual([expected[k]?.dtype, ...(expected[k]?.shape ?? [])]);
  });
  const [y, mask] = got as [Tensor, Tensor | undefined];
  const scale = 1 / (1 - ratio);
  for (let i = 0; i < y.size; i++) {
    const v = y.data[i] as number;
    const kept = Number(x.data[i]) * scale;
    const isKept = Math.abs(v - kept) <= 1e-5 * Math.max(Math.abs(kept), 1);
    if (mask) expect(mask.data[i] === 1 ? isKept : v === 0, `${name}[${i}]`).toBe(true);
    else expect(isKept || v === 0, `${name}[${i}]`).toBe(true);
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
    const dropout = randomDropout(graph, feeds);
    if (dropout) {
      const expected = outputs.map((o) => fixtureTensor(join(t.dir, o.file)));
      expectDropoutOf(
        t.name,
        outputs.map((o) => got[o.name] as Tensor),
        expected,
        dropout.x,
        dropout.ratio,
      );
      return;
    }
    // ONNX 1.12 got a few expected outputs wrong (ONNX_EXPECTED_OUTPUT_ERRATA says why): those are
    // compared with onnxruntime running the original model.
    const reference = await nodeTestReference(t);
    for (const o of outputs) expectClose(`${t.name}:${o.name}`, got[o.name] as Tensor, reference[o.name] as Tensor);
  });
});
