import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeArtifact, Tensor } from '@qtk/ir';
import { createObserver } from '@qtk/observers';
import { exportQdqOnnx } from '@qtk/onnx';
import { buildQconfigTable, formatQconfigTable, qconfigJson } from '@qtk/qconfig';
import { runGraph } from '@qtk/simulator';
import { calibrationSamples, fixturePath, readFixtureTensor } from '@qtk/test-fixtures';
import { zipSync } from 'fflate';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { encodeNpy } from '../src/io/npy/encodeNpy.js';
import {
  calibrateWithLibraries,
  type FixtureCase,
  fixtureGraph,
  SEED_SMALL,
  SMALL_CNN,
} from './support/libraryCalibration.js';
import { maxAbsDiff } from './support/maxAbsDiff.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';

const FILES = ['qat.qtk', 'qconfig.json', 'qconfig.txt', 'qdq.onnx'];

interface JsonTensor {
  name?: string;
  dtype: string | null;
  scale?: number | number[] | null;
}
interface JsonOp {
  name: string;
  op: string;
  inputs: JsonTensor[];
  output: JsonTensor;
  weight?: JsonTensor;
  rule: string;
}

function calibrate(c: FixtureCase, out: string, ...extra: string[]) {
  return runCli(
    'calibrate',
    fixturePath(c.model),
    '--data',
    fixturePath(c.samples),
    '--march',
    'nash-m',
    '--setter',
    'default-calibration',
    '--out',
    out,
    ...extra,
  );
}

async function readJson(dir: string): Promise<{ ops: JsonOp[] }> {
  return JSON.parse(await readFile(join(dir, 'qconfig.json'), 'utf8')) as { ops: JsonOp[] };
}

/** Per-row |w| maxima of a [out, in...] weight: the per-output-channel absmax, by hand. */
function rowAbsMax(w: Tensor): number[] {
  const rows = w.shape[0] as number;
  const per = w.size / rows;
  return Array.from({ length: rows }, (_, r) => {
    let m = 0;
    for (let i = 0; i < per; i++) m = Math.max(m, Math.abs(w.data[r * per + i] as number));
    return m;
  });
}

/** The scale rule of SPEC section 3 for qint8, written out: absmax / 127.5 as a float32. */
const int8Scale = (absmax: number) => Math.fround(absmax / 127.5);

describe('qtk calibrate', () => {
  const tmp = useTempDir();

  it('seed_small on calib_seq_2x100x256: the four files, a summary, and linear3 left high-precision', async () => {
    const out = join(tmp(), 'seed');
    const r = await calibrate(SEED_SMALL, out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^Calibrated ${fixturePath('seed_small.onnx')} on 16 samples from ${fixturePath('calib_seq_2x100x256')} in \\d+\\.\\d\\d s\n` +
          '  march nash-m, preset default-calibration, activation observer mse\n' +
          `\\d+ warnings? \\(see ${join(out, 'qconfig.txt')}\\)\n` +
          'Wrote:\n',
      ),
    );
    for (const f of FILES) expect(r.stdout).toContain(`  ${join(out, f)}  `);
    expect((await readdir(out)).sort()).toEqual([...FILES].sort());

    const { ops } = await readJson(out);
    // Every op of the prepared model, in graph order: the stubs prepare adds, then the article's layers.
    expect(ops.map((o) => [o.name, o.op])).toEqual([
      ['quant', 'QuantStub'],
      ['linear1', 'Linear'],
      ['layernorm', 'LayerNorm'],
      ['relu', 'Relu'],
      ['linear2', 'Linear'],
      ['linear3', 'Linear'],
      ['dequant', 'DeQuantStub'],
    ]);
    for (const o of ops) {
      expect(Object.keys(o), o.name).toEqual([
        'name',
        'op',
        'inputs',
        'output',
        ...(o.weight ? ['weight'] : []),
        'rule',
      ]);
      expect(o.rule, o.name).toMatch(/^default-calibration: /);
      for (const i of o.inputs) expect(Object.keys(i)).toEqual(['name', 'dtype', 'scale']);
    }
    const byName = new Map(ops.map((o) => [o.name, o]));
    // The article's case 1: linear3's output stays high-precision; its dtype is null and it has no scale.
    expect(byName.get('linear3')?.output).toEqual({ dtype: null });
    expect(byName.get('linear3')?.rule).toContain('high-precision output');
    // The model input stays float until the QuantStub quantizes it.
    expect(byName.get('quant')?.inputs).toEqual([{ name: 'x', dtype: null, scale: null }]);
    for (const name of ['quant', 'linear1', 'layernorm', 'relu', 'linear2']) {
      const output = byName.get(name)?.output;
      expect(output?.dtype, name).toBe('qint8');
      expect(typeof output?.scale === 'number' && output.scale > 0, name).toBe(true);
    }

    // Independent truths: the input scale is what an MSE observer makes of the 16 samples, ...
    const mse = createObserver({ kind: 'mse' });
    for (const x of calibrationSamples('calib_seq_2x100x256')) mse.observe(x);
    expect(byName.get('quant')?.output.scale).toBe(mse.scales('qint8')[0]);
    // ... and weights are quantized per output channel, absmax / 127.5 each.
    const graph = await fixtureGraph(SEED_SMALL);
    for (const [name, channels] of [
      ['linear1', 256],
      ['linear2', 60],
      ['linear3', 60],
    ] as const) {
      const weight = byName.get(name)?.weight;
      expect(weight?.dtype).toBe('qint8');
      expect(weight?.scale).toHaveLength(channels);
      const w = graph.findNode(name)?.inputs[1]?.constant as Tensor;
      expect(weight?.scale, name).toEqual(rowAbsMax(w).map(int8Scale));
    }

    // The table names the march and the preset, has a row per op, and ends with the warnings.
    const text = await readFile(join(out, 'qconfig.txt'), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe('qconfig for march nash-m (setters: default-calibration)');
    expect(lines[2]).toMatch(/^op +type +inputs +output +weight +rule$/);
    expect(lines.slice(3, 10).map((l) => l.split(/ +/).slice(0, 2))).toEqual(ops.map((o) => [o.name, o.op]));
    expect(lines[5]).toMatch(
      /^layernorm +LayerNorm +\/linear1\/Add_output_0: qint8 s=\S+ +qint8 s=\S+ +- +default-calibration/,
    );
    expect(text).toMatch(
      /\nwarnings \(\d+\):\n {2}\[high-precision-output\] linear3: output not quantized \(high precision: int32 on nash-e\/m, float32 on nash-h\/p\)\n/,
    );
    const warnings = Number(/^(\d+) warnings? /m.exec(r.stdout)?.[1]);
    expect(text).toContain(`\nwarnings (${warnings}):\n`);

    // The QAT artifact: a qat .qtk for nash-m, with what made it in its metadata.
    const artifact = decodeArtifact(await readFile(join(out, 'qat.qtk')), { source: 'qat.qtk' });
    expect(artifact.kind).toBe('qat');
    expect(artifact.metadata).toMatchObject({
      march: 'nash-m',
      calibration_preset: 'default-calibration',
      calibration_observer: 'mse',
      calibration_samples: '16',
    });
    expect(artifact.graph.metadata.source).toBe('seed_small.onnx');
  });

  it('writes exactly what the libraries compute for the same calibration', async () => {
    const out = join(tmp(), 'seed');
    const { model } = await calibrateWithLibraries(SEED_SMALL, { setter: 'default-calibration' });
    const table = buildQconfigTable(model);
    expect(await readFile(join(out, 'qconfig.txt'), 'utf8')).toBe(formatQconfigTable(table));
    expect(await readJson(out)).toEqual(qconfigJson(table));
  });

  it('small_cnn on calib_img_1x3x32x32: per-channel conv weights, the classifier high-precision', async () => {
    const out = join(tmp(), 'cnn');
    const r = await calibrate(SMALL_CNN, out);
    expect(r.code).toBe(0);
    const { ops } = await readJson(out);
    const byName = new Map(ops.map((o) => [o.name, o]));
    const graph = await fixtureGraph(SMALL_CNN);
    // conv 3->16, conv 16->32, depthwise conv 32, linear 32->10 (SPEC: one scale per output channel).
    for (const [name, channels] of [
      ['body/body.0', 16],
      ['body/body.3', 32],
      ['body/body.6', 32],
      ['body/body.11', 10],
    ] as const) {
      const weight = byName.get(name)?.weight;
      expect(weight?.scale, name).toHaveLength(channels);
      const w = graph.findNode(name)?.inputs[1]?.constant as Tensor;
      expect(weight?.scale, name).toEqual(rowAbsMax(w).map(int8Scale));
    }
    expect(byName.get('body/body.11')?.output).toEqual({ dtype: null });
    // ReLU and ReLU6 are fused into the convolutions: each conv is quantized after its activation.
    expect(byName.get('body/body.0')?.rule).toContain('fused with body/body.2 (Relu)');
    expect(byName.get('body/body.6')?.rule).toContain('fused with body/body.8 (Clip)');
    const mse = createObserver({ kind: 'mse' });
    for (const x of calibrationSamples('calib_img_1x3x32x32')) mse.observe(x);
    expect(byName.get('quant')?.output.scale).toBe(mse.scales('qint8')[0]);
  });

  it('qdq.onnx is the QDQ export of the QAT artifact, and onnxruntime runs it to the fake-quant output', async () => {
    const out = join(tmp(), 'cnn');
    const artifact = decodeArtifact(await readFile(join(out, 'qat.qtk')), { source: 'qat.qtk' });
    const qdq = await readFile(join(out, 'qdq.onnx'));
    expect(qdq.equals(exportQdqOnnx(artifact.graph))).toBe(true);
    const x = readFixtureTensor(fixturePath('small_cnn.input.npy'));
    const fakeQuant = runGraph(artifact.graph, { x }).outputs.logits as Tensor;
    const session = await ort.InferenceSession.create(qdq, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    const result = await session.run({ x: new ort.Tensor('float32', x.data as Float32Array, [...x.shape]) });
    const logits = result.logits as ort.Tensor;
    expect(logits.dims).toEqual([1, 10]);
    // The classifier's output is high-precision (float), so the two agree to float32 rounding.
    expect(maxAbsDiff(logits.data as Float32Array, fakeQuant.data as Float32Array)).toBeLessThan(1e-5);
  });

  it('is deterministic: the same model and samples give byte-identical files, wherever the model is', async () => {
    const again = join(tmp(), 'cnn-again');
    expect((await calibrate(SMALL_CNN, again, '--quiet')).code).toBe(0);
    // The same model under another directory.
    const copyDir = join(tmp(), 'copy');
    await mkdir(copyDir);
    await copyFile(fixturePath(SMALL_CNN.model), join(copyDir, SMALL_CNN.model));
    const moved = join(tmp(), 'cnn-moved');
    const r = await runCli(
      'calibrate',
      join(copyDir, SMALL_CNN.model),
      '-d',
      fixturePath(SMALL_CNN.samples),
      '-m',
      'nash-m',
      '-s',
      'default-calibration',
      '-o',
      moved,
      '-q',
    );
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    for (const f of FILES) {
      const first = await readFile(join(tmp(), 'cnn', f));
      expect((await readFile(join(again, f))).equals(first), f).toBe(true);
      expect((await readFile(join(moved, f))).equals(first), f).toBe(true);
    }
  });

  it('reads .npz samples (arrays named after the inputs) to the same result as .npy samples', async () => {
    const data = join(tmp(), 'npz-data');
    await mkdir(data);
    const samples = calibrationSamples(SMALL_CNN.samples);
    for (const [i, x] of samples.entries()) {
      // A label next to the input: arrays that are not model inputs are ignored.
      const label = encodeNpy(new Tensor('int64', [1], BigInt64Array.of(BigInt(i % 10))));
      await writeFile(
        join(data, `s${String(i).padStart(2, '0')}.npz`),
        zipSync({ 'x.npy': encodeNpy(x), 'label.npy': label }),
      );
    }
    const out = join(tmp(), 'cnn-npz');
    const r = await runCli(
      'calibrate',
      fixturePath(SMALL_CNN.model),
      '--data',
      data,
      '--march',
      'nash-m',
      '--setter',
      'default-calibration',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`on 16 samples from ${data} in `);
    for (const f of FILES) {
      expect((await readFile(join(out, f))).equals(await readFile(join(tmp(), 'cnn', f))), f).toBe(true);
    }
  });

  it('--limit takes the first n samples in name order; --observer replaces the activation observer', async () => {
    const out = join(tmp(), 'seed-kl');
    const r = await calibrate(SEED_SMALL, out, '--limit', '3', '--observer', 'kl');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(' on 3 samples (the first 3 of 16) from ');
    expect(r.stdout).toContain('  march nash-m, preset default-calibration, activation observer kl\n');
    const { ops } = await readJson(out);
    const kl = createObserver({ kind: 'kl' });
    // sample_000 .. sample_002 are the first three in name order.
    for (const x of calibrationSamples(SEED_SMALL.samples).slice(0, 3)) kl.observe(x);
    expect(ops[0]?.output.scale).toBe(kl.scales('qint8')[0]);
    expect(ops[1]?.rule).toContain('qint8 activations (kl)');
    const { model } = await calibrateWithLibraries(SEED_SMALL, {
      setter: 'default-calibration',
      observer: 'kl',
      limit: 3,
    });
    expect(await readJson(out)).toEqual(qconfigJson(buildQconfigTable(model)));
  });

  it('the 8-bit-weight 16-bit-activation preset on nash-h gives qint16 activations', async () => {
    const out = join(tmp(), 'seed-16');
    const r = await runCli(
      'calibrate',
      fixturePath(SEED_SMALL.model),
      '--data',
      fixturePath(SEED_SMALL.samples),
      '--march',
      'nash-h',
      '--setter',
      'calibration-8bit-weight-16bit-act',
      '--limit',
      '2',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const { ops } = await readJson(out);
    const linear2 = ops.find((o) => o.name === 'linear2');
    expect([linear2?.inputs[0]?.dtype, linear2?.output.dtype, linear2?.weight?.dtype]).toEqual([
      'qint16',
      'qint16',
      'qint8',
    ]);
    const text = await readFile(join(out, 'qconfig.txt'), 'utf8');
    expect(text.split('\n')[0]).toBe('qconfig for march nash-h (setters: calibration-8bit-weight-16bit-act)');

    // int16 Q/DQ needs opset 21; onnxruntime loads and runs the model.
    const inspected = await runCli('inspect', join(out, 'qdq.onnx'), '--json');
    expect((JSON.parse(inspected.stdout) as { metadata: Record<string, string> }).metadata.opset).toBe('21');
    const session = await ort.InferenceSession.create(join(out, 'qdq.onnx'), { intraOpNumThreads: 1 });
    const x = readFixtureTensor(fixturePath('seed_small.input.npy'));
    const result = await session.run({ x: new ort.Tensor('float32', x.data as Float32Array, [...x.shape]) });
    expect((result.z as ort.Tensor).dims).toEqual([2, 100, 60]);
  });
});
