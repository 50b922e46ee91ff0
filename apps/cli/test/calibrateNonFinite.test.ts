import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Tensor } from '@qtk/ir';
import { createObserver } from '@qtk/observers';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { encodeNpy } from '../src/io/npy/encodeNpy.js';
import { readNpyFile } from '../src/io/npy/npyFile.js';
import { expectUserError } from './support/expectUserError.js';
import { onnxModelBytes } from './support/onnxModelBytes.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';
import { testData } from './support/testData.js';

interface JsonOp {
  name: string;
  output: { scale?: number | null };
}

function calibrate(model: string, data: string, out: string, ...extra: string[]) {
  return runCli(
    'calibrate',
    model,
    ...['--data', data, '--march', 'nash-m', '--setter', 'default-calibration', '--out', out],
    ...extra,
  );
}

async function scales(out: string): Promise<Record<string, number | null | undefined>> {
  const { ops } = JSON.parse(await readFile(join(out, 'qconfig.json'), 'utf8')) as { ops: JsonOp[] };
  return Object.fromEntries(ops.map((o) => [o.name, o.output.scale]));
}

/** The MSE observer's qint8 scale for `values`, as the preset's activation observer computes it. */
function mseScale(values: readonly number[] | Float32Array): number {
  const observer = createObserver({ kind: 'mse' });
  observer.observe(new Tensor('float32', [values.length], Float32Array.from(values)));
  return observer.scales('qint8')[0] as number;
}

describe('qtk calibrate --skip-non-finite', () => {
  const tmp = useTempDir();

  /** r = x / x and y = r * x: a zero in x makes one NaN in r and in y, from finite samples. */
  async function ratioModel(): Promise<{ model: string; data: string }> {
    const dir = join(tmp(), 'ratio');
    await mkdir(join(dir, 'data'), { recursive: true });
    const model = join(dir, 'ratio.onnx');
    await writeFile(
      model,
      onnxModelBytes({
        nodes: [
          { op: 'Div', name: 'ratio', inputs: ['x', 'x'], outputs: ['r'] },
          { op: 'Mul', name: 'scale', inputs: ['r', 'x'], outputs: ['y'] },
        ],
        inputs: [{ name: 'x', shape: [1, 4] }],
        outputs: [{ name: 'y', shape: [1, 4] }],
      }),
    );
    const x = new Tensor('float32', [1, 4], new Float32Array([0, 1, 2, -3]));
    await writeFile(join(dir, 'data', 'a.npy'), encodeNpy(x));
    return { model, data: join(dir, 'data') };
  }

  it('without the flag, NaN made inside the model is an error naming the sample, the tensor and the flag', async () => {
    const { model, data } = await ratioModel();
    const out = join(tmp(), 'refused');
    expectUserError(
      await calibrate(model, data, out),
      `${join(data, 'a.npy')}: 'r' (ratio.activation_post_process): 1 NaN and 0 infinite values in calibration data; fix the data, or skip them explicitly (--skip-non-finite)`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('with the flag, observers calibrate on the finite values and qconfig.txt counts what was skipped', async () => {
    const { model, data } = await ratioModel();
    const out = join(tmp(), 'skipped');
    const r = await calibrate(model, data, out, '--skip-non-finite');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 warnings (see ');
    // r = [NaN, 1, 1, 1] and y = [NaN, 1, 2, -3]: each observer sees the three finite values.
    expect(await scales(out)).toMatchObject({
      quant: mseScale([0, 1, 2, -3]),
      ratio: mseScale([1, 1, 1]),
      scale: mseScale([1, 2, -3]),
    });
    const text = await readFile(join(out, 'qconfig.txt'), 'utf8');
    expect(text).toContain(
      'warnings (2):\n' +
        '  [non-finite] ratio.activation_post_process: 1 NaN or infinite value skipped in calibration\n' +
        '  [non-finite] scale.activation_post_process: 1 NaN or infinite value skipped in calibration\n',
    );
  });

  it('with the flag, non-finite values in the samples themselves are skipped by the input observer', async () => {
    const bad = testData('nan_inf_1x3x32x32.npy');
    const good = fixturePath('calib_img_1x3x32x32', 'sample_000.npy');
    const data = join(tmp(), 'nan-samples');
    await mkdir(data, { recursive: true });
    await writeFile(join(data, 'a.npy'), await readFile(bad));
    await writeFile(join(data, 'b.npy'), await readFile(good));
    const out = join(tmp(), 'cnn');
    const r = await calibrate(fixturePath('small_cnn.onnx'), data, out, '--skip-non-finite');
    expect(r.code).toBe(0);
    // The input observer, by hand: a strict MSE observer fed the finite values of a, then b.
    const x = (await readNpyFile(bad)).data as Float32Array;
    const finite = x.filter((v) => Number.isFinite(v));
    expect(finite.length).toBe(x.length - 3);
    const observer = createObserver({ kind: 'mse' });
    observer.observe(new Tensor('float32', [finite.length], finite));
    observer.observe(await readNpyFile(good));
    expect((await scales(out)).quant).toBe(observer.scales('qint8')[0]);
    const text = await readFile(join(out, 'qconfig.txt'), 'utf8');
    expect(text).toContain('[non-finite] quant.activation_post_process: 3 NaN or infinite values skipped');
  });

  it('an activation with nothing finite left is an error naming its fake quantization', async () => {
    // A NaN spreads through the convolutions to a neighbourhood only, but the global average pool
    // (body/body.9) makes each of its 32 channels NaN: the first point with nothing finite.
    const data = join(tmp(), 'nan-only');
    await mkdir(data, { recursive: true });
    await writeFile(join(data, 'a.npy'), await readFile(testData('nan_inf_1x3x32x32.npy')));
    const out = join(tmp(), 'poisoned');
    expectUserError(
      await calibrate(fixturePath('small_cnn.onnx'), data, out, '--skip-non-finite'),
      "fake quantization 'body/body.9.activation_post_process': all 32 values it saw in calibration were NaN or infinite, so it has no scale; calibrate on data that keeps this tensor finite",
    );
    expect(existsSync(out)).toBe(false);
  });
});
