import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixturePath } from '@qtk/test-fixtures';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeNpy } from '../src/io/npy/encodeNpy.js';
import { readNpyFile } from '../src/io/npy/npyFile.js';
import { expectUserError } from './support/expectUserError.js';
import { onnxModelBytes } from './support/onnxModelBytes.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';
import { testData } from './support/testData.js';

const cnn = fixturePath('small_cnn.onnx');
const imgSample = (i: number) => fixturePath('calib_img_1x3x32x32', `sample_${String(i).padStart(3, '0')}.npy`);
const PRESETS =
  'default-calibration, default-qat, default-qat-fixed-act, calibration-8bit-weight-16bit-act, qat-8bit-weight-16bit-act, qat-8bit-weight-16bit-fixed-act';

function calibrate(model: string, data: string, out: string, ...extra: string[]) {
  return runCli(
    'calibrate',
    model,
    '--data',
    data,
    '--march',
    'nash-m',
    '--setter',
    'default-calibration',
    '--out',
    out,
    ...extra,
  );
}

describe('qtk calibrate: user errors (one line, exit 1) and nothing written', () => {
  const tmp = useTempDir();

  /** A fresh folder holding `files` (name -> source file or bytes). */
  async function folder(name: string, files: Record<string, string | Uint8Array> = {}): Promise<string> {
    const dir = join(tmp(), name);
    await mkdir(dir, { recursive: true });
    for (const [file, from] of Object.entries(files)) {
      if (typeof from === 'string') await copyFile(from, join(dir, file));
      else await writeFile(join(dir, file), from);
    }
    return dir;
  }

  it('an empty data folder, or one without samples', async () => {
    const empty = await folder('empty');
    const out = join(tmp(), 'out-empty');
    expectUserError(
      await calibrate(cnn, empty, out),
      `${empty}: no samples; the data folder has no .npy or .npz files`,
    );
    expect(existsSync(out)).toBe(false);
    const other = await folder('other', {
      'README.txt': new TextEncoder().encode('samples to come'),
      '.hidden.npy': imgSample(0),
    });
    await mkdir(join(other, 'sub.npy'));
    expectUserError(
      await calibrate(cnn, other, out),
      `${other}: no samples; the data folder has no .npy or .npz files`,
    );
  });

  it('a data folder that does not exist, or is a file', async () => {
    const missing = join(tmp(), 'no-such-folder');
    expectUserError(await calibrate(cnn, missing, join(tmp(), 'o')), `${missing}: no such directory`);
    expectUserError(
      await calibrate(cnn, imgSample(0), join(tmp(), 'o')),
      `${imgSample(0)}: not a directory; --data takes a folder of .npy or .npz samples`,
    );
  });

  it('a folder mixing .npy and .npz samples', async () => {
    const mixed = await folder('mixed', {
      'a.npy': imgSample(0),
      'b.npy': imgSample(1),
      'c.npz': zipSync({ 'x.npy': new Uint8Array(await readFile(imgSample(2))) }),
    });
    expectUserError(
      await calibrate(cnn, mixed, join(tmp(), 'o')),
      `${mixed}: has both .npy files (2) and .npz files (1); a data folder holds one kind of sample`,
    );
  });

  it('a sample whose shape does not fit names the file and both shapes', async () => {
    const data = await folder('wrong-shape', { 'a.npy': imgSample(0), 'b.npy': fixturePath('seed_small.input.npy') });
    const out = join(tmp(), 'out-shape');
    expectUserError(
      await calibrate(cnn, data, out),
      `input 'x' (${join(data, 'b.npy')}): expected shape [1,3,32,32], got [2,100,256]`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a sample of the wrong dtype', async () => {
    const data = await folder('wrong-dtype', { 'a.npy': testData('float64_2x3.npy') });
    expectUserError(
      await calibrate(cnn, data, join(tmp(), 'o')),
      `input 'x' (${join(data, 'a.npy')}): expected dtype float32, got float64`,
    );
  });

  it('NaN in the last sample: named, and nothing written', async () => {
    const data = await folder('nan', {
      'a.npy': imgSample(0),
      'b.npy': imgSample(1),
      'c.npy': testData('nan_inf_1x3x32x32.npy'),
    });
    const out = join(tmp(), 'out-nan');
    expectUserError(
      await calibrate(cnn, data, out),
      `input 'x' (${join(data, 'c.npy')}): 2 NaN and 1 infinite values of 3072; inputs must be finite (or skip them with --skip-non-finite)`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a .npz sample without an array for an input', async () => {
    const x = encodeNpy(await readNpyFile(imgSample(0)));
    const data = await folder('npz-missing', {
      'a.npz': zipSync({ 'x.npy': x }),
      'b.npz': zipSync({ 'input.npy': x }),
    });
    expectUserError(
      await calibrate(cnn, data, join(tmp(), 'o')),
      `${join(data, 'b.npz')}: no array 'x' (the file has 'input'); a .npz sample holds one array per model input, named after it: x`,
    );
  });

  it('.npy samples for a model with two inputs', async () => {
    const dir = await folder('two-inputs', { 'a.npy': imgSample(0) });
    const model = join(dir, 'add.onnx');
    await writeFile(
      model,
      onnxModelBytes({
        nodes: [{ op: 'Add', name: 'add', inputs: ['a', 'b'], outputs: ['y'] }],
        inputs: [
          { name: 'a', shape: [1, 3, 32, 32] },
          { name: 'b', shape: [1, 3, 32, 32] },
        ],
        outputs: [{ name: 'y', shape: [1, 3, 32, 32] }],
      }),
    );
    expectUserError(
      await calibrate(model, dir, join(tmp(), 'o')),
      `${dir}: .npy samples feed a single-input model, and ${model} has 2 inputs (a, b); use .npz samples with one array per input`,
    );
  });

  it('a QAT artifact as the model', async () => {
    const out = join(tmp(), 'first');
    expect((await calibrate(cnn, fixturePath('calib_img_1x3x32x32'), out, '--limit', '1', '-q')).code).toBe(0);
    const qat = join(out, 'qat.qtk');
    expectUserError(
      await calibrate(qat, fixturePath('calib_img_1x3x32x32'), join(tmp(), 'second')),
      `${qat}: a qat artifact; calibrate takes a float model (.onnx, or a float .qtk)`,
    );
  });

  it('a missing model', async () => {
    expectUserError(
      await calibrate('nope.onnx', fixturePath('calib_img_1x3x32x32'), join(tmp(), 'o')),
      'nope.onnx: no such file',
    );
  });

  it('another observer for a fixed-act preset', async () => {
    const r = await runCli(
      'calibrate',
      cnn,
      '--data',
      fixturePath('calib_img_1x3x32x32'),
      '--march',
      'nash-m',
      '--setter',
      'default-qat-fixed-act',
      '--observer',
      'kl',
      '--out',
      join(tmp(), 'o'),
    );
    expectUserError(
      r,
      "preset 'default-qat-fixed-act' freezes MinMax activation scales after the first batch; observer 'kl' does not apply to it",
    );
  });

  it('never writes over an input: an output that is the model, through a symlink', async () => {
    const dir = await folder('clash');
    const model = join(dir, 'small_cnn.onnx');
    await copyFile(cnn, model);
    const out = join(dir, 'out');
    await mkdir(out);
    await symlink(model, join(out, 'qat.qtk'));
    const before = await readFile(model);
    expectUserError(
      await calibrate(model, fixturePath('calib_img_1x3x32x32'), out),
      `${join(out, 'qat.qtk')}: refusing to write over the input file ${model}; choose another --out directory`,
    );
    expect((await readFile(model)).equals(before)).toBe(true);
  });

  it('an output path taken by a directory', async () => {
    const out = join(tmp(), 'taken');
    await mkdir(join(out, 'qdq.onnx'), { recursive: true });
    expectUserError(
      await calibrate(cnn, fixturePath('calib_img_1x3x32x32'), out),
      `${join(out, 'qdq.onnx')}: exists and is not a file; cannot write the output there`,
    );
    expect(existsSync(join(out, 'qat.qtk'))).toBe(false);
  });
});

describe('qtk calibrate: usage errors (exit 2) list the valid values', () => {
  const data = fixturePath('calib_img_1x3x32x32');
  const base = ['calibrate', cnn, '--data', data, '--out', 'unused'];

  it.each([
    [
      [...base, '--march', 'nash-x', '--setter', 'default-calibration'],
      "qtk: option '-m, --march <march>' argument 'nash-x' is invalid. Allowed choices are nash-e, nash-m, nash-h, nash-p.",
    ],
    [
      [...base, '--march', 'nash-m', '--setter', 'int4'],
      `qtk: option '-s, --setter <preset>' argument 'int4' is invalid. Allowed choices are ${PRESETS}.`,
    ],
    [
      [...base, '--march', 'nash-m', '--setter', 'default-calibration', '--observer', 'entropy'],
      "qtk: option '--observer <name>' argument 'entropy' is invalid. Allowed choices are minmax, mse, percentile, kl, mix.",
    ],
    [
      [...base, '--march', 'nash-m', '--setter', 'default-calibration', '--limit', '0'],
      "qtk: option '-n, --limit <n>' argument '0' is invalid. Expected a whole number of at least 1.",
    ],
    [
      [...base, '--march', 'nash-m', '--setter', 'default-calibration', '--limit', '2.5'],
      "qtk: option '-n, --limit <n>' argument '2.5' is invalid. Expected a whole number of at least 1.",
    ],
    [
      ['calibrate', cnn, '--march', 'nash-m', '--setter', 'default-calibration', '--out', 'o'],
      "qtk: required option '-d, --data <dir>' not specified",
    ],
    [
      ['calibrate', cnn, '--data', data, '--setter', 'default-calibration', '--out', 'o'],
      "qtk: required option '-m, --march <march>' not specified",
    ],
  ])('qtk %j', async (args, message) => {
    const r = await runCli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(message);
  });
});
