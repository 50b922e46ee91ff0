import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Graph, Tensor } from '@qtk/ir';
import { exportOnnx } from '@qtk/onnx';
import { readFixtureNpy } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';
import { testData } from './support/testData.js';

// Integer and bool tensors through `qtk run`, in and out: the inputs are NumPy's own files
// (makeNpyData.py, whose values are the literals below), the outputs are read back with the test
// fixtures' reader, not the CLI's, and compared with values worked out by hand.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const BEYOND_DOUBLE = 9007199254740993n; // 2^53 + 1: a double cannot hold it

/** a int64 [2,3], b int32 [2,3], m bool [2,3] through data movement ops of every dtype. */
function mixedModel(): Graph {
  const g = new Graph('mixed');
  const a = g.addInput('a', { dtype: 'int64', shape: [2, 3] });
  const b = g.addInput('b', { dtype: 'int32', shape: [2, 3] });
  const m = g.addInput('m', { dtype: 'bool', shape: [2, 3] });
  const out = (op: string, name: string, inputs: Parameters<Graph['addNode']>[0]['inputs'], attrs = {}) =>
    g.addNode({ op, name, inputs, attrs, outputs: [name] }).output();
  const tiled = out('Tile', 'tiled', [a, g.addConstant('repeats', Tensor.int64([2], [1, 2]))]);
  const size = out('Size', 'size', [a]);
  const upper = out('Trilu', 'upper', [b]);
  const padded = out('Pad', 'padded', [m, g.addConstant('pads', Tensor.int64([4], [0, 1, 0, 0]))]);
  const expanded = out('Expand', 'expanded', [m, g.addConstant('shape', Tensor.int64([3], [2, 1, 1]))]);
  g.setOutputs([tiled, size, upper, padded, expanded]);
  return g;
}

describe('qtk run with int64, int32 and bool inputs and outputs', () => {
  const tmp = useTempDir();

  it('reads the .npy inputs and writes .npy outputs of the same dtypes, int64 exactly', async () => {
    const model = join(tmp(), 'mixed.onnx');
    await writeFile(model, exportOnnx(mixedModel()));
    const out = join(tmp(), 'out');
    const r = await runCli(
      'run',
      model,
      '--input',
      `a=${testData('int64_2x3.npy')}`,
      '--input',
      `b=${testData('int32_2x3.npy')}`,
      '--input',
      `m=${testData('bool_2x3.npy')}`,
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `tiled     int64  [2,6]    ${join(out, 'tiled.npy')}`,
      `size      int64  []       ${join(out, 'size.npy')}`,
      `upper     int32  [2,3]    ${join(out, 'upper.npy')}`,
      `padded    bool   [2,4]    ${join(out, 'padded.npy')}`,
      `expanded  bool   [2,2,3]  ${join(out, 'expanded.npy')}`,
      '',
    ]);
    const read = (name: string) => readFixtureNpy(join(out, `${name}.npy`));

    // a = [[min, -1, 0], [1, 2^53 + 1, max]], tiled twice along the last dim.
    const tiled = read('tiled');
    expect([tiled.dtype, ...tiled.shape]).toEqual(['int64', 2, 6]);
    const rowA = [INT64_MIN, -1n, 0n];
    const rowB = [1n, BEYOND_DOUBLE, INT64_MAX];
    expect([...(tiled.data as BigInt64Array)]).toEqual([...rowA, ...rowA, ...rowB, ...rowB]);

    const size = read('size');
    expect([size.dtype, size.shape, [...(size.data as BigInt64Array)]]).toEqual(['int64', [], [6n]]);

    // b = [[-2^31, -1, 0], [1, 2, 2^31 - 1]]; the upper triangle zeroes b[1][0].
    const upper = read('upper');
    expect([upper.dtype, ...upper.shape]).toEqual(['int32', 2, 3]);
    expect([...(upper.data as Int32Array)]).toEqual([-2147483648, -1, 0, 0, 2, 2147483647]);

    // m = [[T, F, T], [T, F, F]]; one false column before.
    const padded = read('padded');
    expect([padded.dtype, ...padded.shape]).toEqual(['bool', 2, 4]);
    expect([...(padded.data as Uint8Array)]).toEqual([0, 1, 0, 1, 0, 1, 0, 0]);

    const expanded = read('expanded');
    expect([expanded.dtype, ...expanded.shape]).toEqual(['bool', 2, 2, 3]);
    expect([...(expanded.data as Uint8Array)]).toEqual([1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0]);
  });

  it('refuses an input of another integer dtype, naming the input and both dtypes', async () => {
    const model = join(tmp(), 'mixed2.onnx');
    await writeFile(model, exportOnnx(mixedModel()));
    const r = await runCli(
      'run',
      model,
      '--input',
      `a=${testData('int32_2x3.npy')}`,
      '--input',
      `b=${testData('int32_2x3.npy')}`,
      '--input',
      `m=${testData('bool_2x3.npy')}`,
      '--out',
      join(tmp(), 'out2'),
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`input 'a' (${testData('int32_2x3.npy')}): expected dtype int64, got int32`);
  });
});
