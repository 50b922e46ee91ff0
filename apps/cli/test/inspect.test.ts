import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { manualSeed, saveArtifact, trace } from '@qtk/ir';
import { articleExampleInput, SmallModel } from '@qtk/ir/models';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import type { InspectReport } from '../src/inspect/InspectReport.js';
import { onnxModelBytes } from './support/onnxModelBytes.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';

// The article's SmallModel, by hand: linear1 256->256, layernorm (weight, bias), linear2 256->60,
// linear3 60->60, on x [2, 100, 256].
const SMALL_PARAMETERS = 256 * 256 + 256 + (256 + 256) + (256 * 60 + 60) + (60 * 60 + 60);
const SMALL_MACS = 2 * 100 * (256 * 256 + 256 * 60 + 60 * 60);

/** Thousands separators by Intl, independently of the CLI's own formatting. */
const en = (n: number): string => n.toLocaleString('en-US');

async function inspectJson(...args: string[]): Promise<InspectReport> {
  const r = await runCli('inspect', ...args, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as InspectReport;
}

/** The node table of the text output: [name, op, inputs, outputs, MACs] per row, header dropped. */
function nodeRows(text: string): string[][] {
  const table = text.split('\nNodes (')[1]!.split('\n\n')[0]!.split('\n').slice(2);
  return table.map((line) => line.trim().split(/ {2,}/));
}

describe('qtk inspect seed_small.onnx', () => {
  const model = fixturePath('seed_small.onnx');

  it('prints inputs, outputs, nodes, op counts, parameters and MACs', async () => {
    const r = await runCli('inspect', model);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const text = r.stdout;
    expect(text.split('\n')[0]).toBe(`Model: ${model} (ONNX)`);
    expect(text).toContain('\nInputs (1):\n  x  float32  [2,100,256]\n');
    expect(text).toContain('\nOutputs (1):\n  z  float32  [2,100,60]\n');
    expect(text).toMatch(/\n {2}opset: +17\n/);
    expect(text).toMatch(/\n {2}producer: +pytorch 1\.13\.0\n/);
    // PyTorch's MatMul + Add pairs are imported as Linear layers (weights [out, in]).
    const rows = nodeRows(text);
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['Linear', 'float32[2,100,256], float32[256,256], float32[256]', 'float32[2,100,256]', en(200 * 256 * 256)],
      ['LayerNorm', 'float32[2,100,256], float32[256], float32[256]', 'float32[2,100,256]', '-'],
      ['Relu', 'float32[2,100,256]', 'float32[2,100,256]', '-'],
      ['Linear', 'float32[2,100,256], float32[60,256], float32[60]', 'float32[2,100,60]', en(200 * 60 * 256)],
      ['Linear', 'float32[2,100,60], float32[60,60], float32[60]', 'float32[2,100,60]', en(200 * 60 * 60)],
    ]);
    expect(rows.map((r) => r[0])).toEqual([
      expect.stringContaining('linear1'),
      expect.stringContaining('layernorm'),
      expect.stringContaining('relu'),
      expect.stringContaining('linear2'),
      expect.stringContaining('linear3'),
    ]);
    expect(text).toContain('\nOp counts:\n  LayerNorm  1\n  Linear     3\n  Relu       1\n');
    expect(text).toContain(
      `\nParameters: ${en(SMALL_PARAMETERS)} (elements of floating-point constants)\nMACs: ${en(SMALL_MACS)}\n`,
    );
  });

  it('--json carries the same numbers in a stable shape', async () => {
    const report = await inspectJson(model);
    expect(Object.keys(report)).toEqual([
      'format',
      'model',
      'metadata',
      'inputs',
      'outputs',
      'nodes',
      'foldedAtImport',
      'opCounts',
      'parameters',
      'macs',
      'macsSymbolicDimsAsOne',
      'qconfig',
      'conversion',
    ]);
    expect(report.format).toBe('qtk.inspect/1');
    expect(report.model).toEqual({
      source: 'onnx',
      path: model,
      description: null,
      graphName: 'torch_jit',
      artifactKind: null,
    });
    expect(report.metadata).toMatchObject({ opset: '17', producer: 'pytorch 1.13.0' });
    expect(Object.keys(report.metadata)).toEqual(Object.keys(report.metadata).sort());
    expect(report.inputs).toEqual([{ name: 'x', dtype: 'float32', shape: [2, 100, 256] }]);
    expect(report.outputs).toEqual([{ name: 'z', dtype: 'float32', shape: [2, 100, 60] }]);
    expect(report.opCounts).toEqual({ LayerNorm: 1, Linear: 3, Relu: 1 });
    expect(report.parameters).toBe(SMALL_PARAMETERS);
    expect(report.macs).toBe(SMALL_MACS);
    expect(report.macsSymbolicDimsAsOne).toEqual([]);
    // Only QAT artifacts have a qconfig, only quantized ones a conversion and units.
    expect(report.qconfig).toBeNull();
    expect(report.conversion).toBeNull();
    const linear2 = report.nodes[3]!;
    expect(Object.keys(linear2)).toEqual(['name', 'op', 'inputs', 'outputs', 'macs', 'unit', 'fallback']);
    expect(report.nodes.every((n) => n.unit === null && n.fallback === false)).toBe(true);
    expect(linear2.inputs.map((v) => v && [v.dtype, v.shape])).toEqual([
      ['float32', [2, 100, 256]],
      ['float32', [60, 256]],
      ['float32', [60]],
    ]);
    expect(linear2.macs).toBe(2 * 100 * 60 * 256);
  });

  it('prints the same bytes every time', async () => {
    const a = await runCli('inspect', model, '--json');
    const b = await runCli('inspect', model, '--json');
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('qtk inspect small_cnn.onnx', () => {
  it('counts conv MACs per output element as C_in/group x kernel', async () => {
    const r = await runCli('inspect', fixturePath('small_cnn.onnx'));
    expect(r.code).toBe(0);
    // conv 3->16 pad 1: 32x32 out; conv 16->32 stride 2: 16x16; depthwise 32 (group 32): 16x16.
    const conv1 = 16 * 32 * 32 * (3 * 3 * 3);
    const conv2 = 32 * 16 * 16 * (16 * 3 * 3);
    const dwconv = 32 * 16 * 16 * (1 * 3 * 3);
    const linear = 10 * 32;
    expect(nodeRows(r.stdout).map((row) => row.slice(1))).toEqual([
      ['Conv', 'float32[1,3,32,32], float32[16,3,3,3], float32[16]', 'float32[1,16,32,32]', en(conv1)],
      ['Relu', 'float32[1,16,32,32]', 'float32[1,16,32,32]', '-'],
      ['Conv', 'float32[1,16,32,32], float32[32,16,3,3], float32[32]', 'float32[1,32,16,16]', en(conv2)],
      ['Relu', 'float32[1,32,16,16]', 'float32[1,32,16,16]', '-'],
      ['Conv', 'float32[1,32,16,16], float32[32,1,3,3], float32[32]', 'float32[1,32,16,16]', en(dwconv)],
      ['Clip', 'float32[1,32,16,16], float32[], float32[]', 'float32[1,32,16,16]', '-'],
      ['GlobalAveragePool', 'float32[1,32,16,16]', 'float32[1,32,1,1]', '-'],
      ['Flatten', 'float32[1,32,1,1]', 'float32[1,32]', '-'],
      ['Linear', 'float32[1,32], float32[10,32], float32[10]', 'float32[1,10]', en(linear)],
    ]);
    const report = await inspectJson(fixturePath('small_cnn.onnx'));
    expect(report.outputs).toEqual([{ name: 'logits', dtype: 'float32', shape: [1, 10] }]);
    expect(report.macs).toBe(conv1 + conv2 + dwconv + linear);
    // Conv weights and biases (BatchNorm folded in by PyTorch), the classifier, and ReLU6's float
    // bounds 0 and 6 (Clip's min and max inputs are float constants).
    expect(report.parameters).toBe(16 * 27 + 16 + (32 * 144 + 32) + (32 * 9 + 32) + (10 * 32 + 10) + 2);
    expect(report.opCounts).toEqual({ Clip: 1, Conv: 3, Flatten: 1, GlobalAveragePool: 1, Linear: 1, Relu: 2 });
  });
});

describe('qtk inspect on a .qtk artifact and on the built-in model', () => {
  const tmp = useTempDir();

  it('reads an artifact saved from a traced model', async () => {
    manualSeed(42);
    const x = articleExampleInput();
    const graph = trace(new SmallModel(), x, { inputNames: ['x'], outputNames: ['z'] });
    const path = join(tmp(), 'small.qtk');
    await saveArtifact(path, { kind: 'float', graph, metadata: { note: 'saved by the test' } });
    const report = await inspectJson(path);
    expect(report.model).toEqual({
      source: 'qtk',
      path,
      description: null,
      graphName: 'SmallModel',
      artifactKind: 'float',
    });
    expect(report.metadata).toEqual({ note: 'saved by the test', producer: 'qtk trace' });
    expect(report.parameters).toBe(SMALL_PARAMETERS);
    expect(report.macs).toBe(SMALL_MACS);
    expect(report.opCounts).toEqual({ DeQuantStub: 1, LayerNorm: 1, Linear: 3, QuantStub: 1, Relu: 1 });
    expect(report.nodes.map((n) => n.name)).toEqual([
      'quant',
      'linear1',
      'layernorm',
      'relu',
      'linear2',
      'linear3',
      'dequant',
    ]);
    const text = (await runCli('inspect', path)).stdout;
    expect(text.split('\n')[0]).toBe(`Model: ${path} (qtk artifact, float)`);
  });

  it('without a model inspects the built-in SmallModel and says so', async () => {
    const r = await runCli('inspect');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(
      "Model: built-in model (no model file given): the article's SmallModel (linear 256->256, layernorm, relu, linear 256->60, linear 60->60) with PyTorch's weights for seed 42",
    );
    expect(r.stdout).toContain(
      `\nParameters: ${en(SMALL_PARAMETERS)} (elements of floating-point constants)\nMACs: ${en(SMALL_MACS)}\n`,
    );
    const json = await runCli('inspect', '--json');
    expect(json.stderr).toContain('qtk: no model file given; using the built-in model');
    const report = JSON.parse(json.stdout) as InspectReport;
    expect(report.model.source).toBe('builtin');
    expect(report.macs).toBe(SMALL_MACS);
  });

  it('counts a symbolic batch as 1 and says so', async () => {
    const path = join(tmp(), 'batch.onnx');
    await writeFile(
      path,
      onnxModelBytes({
        nodes: [{ op: 'MatMul', name: 'mm', inputs: ['x', 'W'], outputs: ['y'] }],
        inputs: [{ name: 'x', shape: ['batch', 4] }],
        outputs: [{ name: 'y', shape: ['batch', 3] }],
        initializers: [{ name: 'W', shape: [4, 3], values: new Array(12).fill(0.5) }],
      }),
    );
    const report = await inspectJson(path);
    expect(report.inputs).toEqual([{ name: 'x', dtype: 'float32', shape: ['batch', 4] }]);
    // [batch, 3] outputs, K = 4, batch counted as 1
    expect(report.macs).toBe(3 * 4);
    expect(report.macsSymbolicDimsAsOne).toEqual(['batch']);
    expect(report.parameters).toBe(12);
    const text = (await runCli('inspect', path)).stdout;
    expect(text).toContain('\nMACs: 12 (symbolic dims batch counted as 1)\n');
    expect(text).toContain('\n  x  float32  [batch,4]\n');
  });
});

describe('qtk inspect of a model with shape arithmetic', () => {
  const tmp = useTempDir();

  it('says how many nodes import folded to constants (a Shape of a static input, here)', async () => {
    const path = join(tmp(), 'shape.onnx');
    await writeFile(
      path,
      onnxModelBytes({
        nodes: [
          { op: 'Shape', name: 'shape', inputs: ['x'], outputs: ['s'] },
          { op: 'Reshape', name: 'reshape', inputs: ['x', 's'], outputs: ['y'] },
        ],
        inputs: [{ name: 'x', shape: [2, 3] }],
        outputs: [{ name: 'y', shape: [2, 3] }],
      }),
    );
    const report = await inspectJson(path);
    expect(report.foldedAtImport).toBe(1);
    expect(report.nodes.map((n) => n.op)).toEqual(['Reshape']);
    const text = (await runCli('inspect', path)).stdout;
    expect(text).toContain('\nNodes (1; 1 more folded to constants at import):\n');
  });
});
