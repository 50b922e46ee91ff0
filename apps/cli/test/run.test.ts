import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixturePath, readFixtureNpy } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { readNpyFile } from '../src/io/npy/npyFile.js';
import { maxAbsDiff } from './support/maxAbsDiff.js';
import { onnxModelBytes } from './support/onnxModelBytes.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';
import { testData } from './support/testData.js';

async function expectMatchesFixture(file: string, fixture: string): Promise<void> {
  const got = await readNpyFile(file);
  const want = readFixtureNpy(fixturePath(fixture));
  expect(got.dtype).toBe('float32');
  expect(got.shape).toEqual(want.shape);
  expect(maxAbsDiff(got.data as Float32Array, want.data as Float32Array)).toBeLessThan(1e-4);
}

describe('qtk run', () => {
  const tmp = useTempDir();

  it('small_cnn.onnx with --input x.npy writes logits.npy matching PyTorch', async () => {
    const out = join(tmp(), 'cnn-a');
    const r = await runCli(
      'run',
      fixturePath('small_cnn.onnx'),
      '--input',
      fixturePath('small_cnn.input.npy'),
      '--out',
      out,
    );
    expect(r).toEqual({
      code: 0,
      stdout: `logits  float32  [1,10]  ${join(out, 'logits.npy')}\n`,
      stderr: '',
    });
    await expectMatchesFixture(join(out, 'logits.npy'), 'small_cnn.output.npy');
  });

  it('the name=file form writes the same bytes, and two runs are byte-identical', async () => {
    const a = join(tmp(), 'cnn-a');
    const b = join(tmp(), 'cnn-b');
    const c = join(tmp(), 'cnn-c');
    const input = `x=${fixturePath('small_cnn.input.npy')}`;
    expect((await runCli('run', fixturePath('small_cnn.onnx'), '-i', input, '-o', b)).code).toBe(0);
    expect((await runCli('run', fixturePath('small_cnn.onnx'), '--input', input, '--out', c, '--quiet')).code).toBe(0);
    const bytes = readFileSync(join(b, 'logits.npy'));
    expect(readFileSync(join(c, 'logits.npy'))).toEqual(bytes);
    // cnn-a was written by the previous test with the bare form (vitest runs a file's tests in order).
    expect(readFileSync(join(a, 'logits.npy'))).toEqual(bytes);
  });

  it('seed_two_outputs.onnx writes both outputs', async () => {
    const out = join(tmp(), 'two');
    const r = await runCli(
      'run',
      fixturePath('seed_two_outputs.onnx'),
      '--input',
      `x=${fixturePath('seed_small.input.npy')}`,
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `z  float32  [2,100,60]  ${join(out, 'z.npy')}`,
      `y  float32  [2,100,60]  ${join(out, 'y.npy')}`,
      '',
    ]);
    await expectMatchesFixture(join(out, 'z.npy'), 'seed_two_outputs.output_z.npy');
    await expectMatchesFixture(join(out, 'y.npy'), 'seed_two_outputs.output_y.npy');
  });

  it('without a model runs the built-in SmallModel on its example input, matching PyTorch', async () => {
    const out = join(tmp(), 'builtin');
    const r = await runCli('run', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "qtk: no model file given; using the built-in model, the article's SmallModel (linear 256->256, layernorm, relu, linear 256->60, linear 60->60) with PyTorch's weights for seed 42 and its example input x\n",
    );
    expect(r.stdout).toBe(`z  float32  [2,100,60]  ${join(out, 'z.npy')}\n`);
    await expectMatchesFixture(join(out, 'z.npy'), 'seed_small.output.npy');
  });

  it('the built-in model also takes an input file', async () => {
    const out = join(tmp(), 'builtin-input');
    const r = await runCli('run', '--input', fixturePath('seed_small.input.npy'), '--out', out, '--quiet');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    await expectMatchesFixture(join(out, 'z.npy'), 'seed_small.output.npy');
  });

  it('binds a symbolic batch and names files after sanitised output names', async () => {
    const dir = join(tmp(), 'symbolic');
    await mkdir(dir);
    const model = join(dir, 'matmul.onnx');
    await writeFile(
      model,
      onnxModelBytes({
        nodes: [{ op: 'MatMul', name: 'mm', inputs: ['x', 'W'], outputs: ['out/y:0'] }],
        inputs: [{ name: 'x', shape: ['batch', 4] }],
        outputs: [{ name: 'out/y:0', shape: ['batch', 3] }],
        initializers: [{ name: 'W', shape: [4, 3], values: [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1] }],
      }),
    );
    // x_2x4.npy = [[1, 2, 3, 4], [5, 6, 7, 8]]
    const r = await runCli('run', model, '--input', testData('x_2x4.npy'), '--out', join(dir, 'out'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`out/y:0  float32  [2,3]  ${join(dir, 'out', 'out_y_0.npy')}\n`);
    const y = await readNpyFile(join(dir, 'out', 'out_y_0.npy'));
    expect(y.shape).toEqual([2, 3]);
    // By hand: columns pick x0, x1, x2, each plus x3.
    expect([...y.data]).toEqual([5, 6, 7, 13, 14, 15]);
  });

  describe('never overwrites an input', () => {
    it('refuses an --out where an output would replace the input file', async () => {
      const dir = join(tmp(), 'clash');
      await mkdir(dir);
      const input = join(dir, 'logits.npy');
      await copyFile(fixturePath('small_cnn.input.npy'), input);
      const before = await readFile(input);
      const r = await runCli('run', fixturePath('small_cnn.onnx'), '--input', input, '--out', dir);
      expect(r).toEqual({
        code: 1,
        stdout: '',
        stderr: `qtk: ${input}: refusing to write over the input file ${input}; choose another --out directory\n`,
      });
      expect(await readFile(input)).toEqual(before);
    });

    it('sees through another spelling of the path and through symlinks', async () => {
      const dir = join(tmp(), 'clash-link');
      await mkdir(join(dir, 'out'), { recursive: true });
      const input = join(dir, 'input.npy');
      await copyFile(fixturePath('small_cnn.input.npy'), input);
      await symlink(input, join(dir, 'out', 'logits.npy'));
      const before = await readFile(input);
      const r = await runCli('run', fixturePath('small_cnn.onnx'), '--input', input, '--out', `${dir}/./out/`);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`refusing to write over the input file ${input}`);
      expect(await readFile(input)).toEqual(before);
    });

    it('protects the model file too', async () => {
      const dir = join(tmp(), 'clash-model');
      await mkdir(join(dir, 'out'), { recursive: true });
      const model = join(dir, 'small_cnn.onnx');
      await copyFile(fixturePath('small_cnn.onnx'), model);
      await symlink(model, join(dir, 'out', 'logits.npy'));
      const before = await readFile(model);
      const r = await runCli('run', model, '--input', fixturePath('small_cnn.input.npy'), '--out', join(dir, 'out'));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`refusing to write over the input file ${model}`);
      expect(await readFile(model)).toEqual(before);
    });
  });
});
