import { join } from 'node:path';
import type { Tensor } from '@qtk/ir';
import { buildQconfigTable, formatQconfigTable, type PreparedModel, qconfigJson } from '@qtk/qconfig';
import { runGraph } from '@qtk/simulator';
import { fixturePath, readFixtureTensor } from '@qtk/test-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InspectReport } from '../src/inspect/InspectReport.js';
import { readNpyFile } from '../src/io/npy/npyFile.js';
import { calibrateWithLibraries, SEED_SMALL, SMALL_CNN } from './support/libraryCalibration.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';

const bytesOf = (t: Tensor) => Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);

describe.each([
  { c: SEED_SMALL, input: 'seed_small.input.npy', output: 'z' },
  { c: SMALL_CNN, input: 'small_cnn.input.npy', output: 'logits' },
])('a QAT artifact from qtk calibrate of $c.model', ({ c, input, output }) => {
  const tmp = useTempDir();
  let qat = '';
  let library: PreparedModel;

  beforeAll(async () => {
    const out = join(tmp(), 'cal');
    const r = await runCli(
      'calibrate',
      fixturePath(c.model),
      '--data',
      fixturePath(c.samples),
      '--march',
      'nash-m',
      '--setter',
      'default-calibration',
      '--limit',
      '4',
      '--out',
      out,
      '--quiet',
    );
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    qat = join(out, 'qat.qtk');
    library = (await calibrateWithLibraries(c, { setter: 'default-calibration', limit: 4 })).model;
  });

  it('qtk run runs the fake-quant model: bit for bit the libraries’ VALIDATION run, saturations on stderr', async () => {
    const out = join(tmp(), 'run');
    const r = await runCli('run', qat, '--input', fixturePath(input), '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${output}  float32  ${output === 'z' ? '[2,100,60]' : '[1,10]'}  ${join(out, `${output}.npy`)}\n`,
    );
    const got = await readNpyFile(join(out, `${output}.npy`));

    const x = readFixtureTensor(fixturePath(input));
    library.saturation.clear();
    const want = runGraph(library.graph, { x }, { hooks: library.hooks }).outputs[output] as Tensor;
    expect(got.shape).toEqual(want.shape);
    expect(bytesOf(got).equals(bytesOf(want))).toBe(true);
    // Fake quantization took place: the float model's output differs.
    const float = readFixtureTensor(fixturePath(input.replace('input', 'output')));
    expect(bytesOf(got).equals(bytesOf(float))).toBe(false);

    // What saturated, as the prepared model's own VALIDATION counting saw it.
    const saturated = [...library.saturation].filter(([, s]) => s.saturated > 0);
    expect(saturated.length).toBeGreaterThan(0);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(
      `qtk: warning: values saturated (fell outside the quantized range) at ${saturated.length} fake quantization${saturated.length === 1 ? '' : 's'}:`,
    );
    expect(lines.slice(1, -1).map((l) => /^ {2}(\S+): ([\d,]+) of ([\d,]+) \(/.exec(l)?.slice(1))).toEqual(
      saturated.map(([name, s]) => [name, s.saturated.toLocaleString('en-US'), s.total.toLocaleString('en-US')]),
    );
    expect((await runCli('run', qat, '-i', fixturePath(input), '-o', out, '--quiet')).stderr).toBe('');
  });

  it('qtk inspect shows the qconfig table after the model report', async () => {
    const r = await runCli('inspect', qat);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`^Model: ${qat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(qtk artifact, qat\\)\n`),
    );
    expect(r.stdout).toContain('  FakeQuantize ');
    // The artifact does not record validation runs, so its table has no saturation warnings.
    library.saturation.clear();
    const table = buildQconfigTable(library);
    expect(r.stdout.endsWith(`\nQuantization: ${formatQconfigTable(table)}`)).toBe(true);
  });

  it('qtk inspect --json carries the table under qconfig', async () => {
    const r = await runCli('inspect', qat, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as InspectReport;
    expect(report.model.artifactKind).toBe('qat');
    expect(report.metadata).toMatchObject({ march: 'nash-m', calibration_preset: 'default-calibration' });
    library.saturation.clear();
    const table = buildQconfigTable(library);
    expect(report.qconfig).toEqual({
      march: 'nash-m',
      setters: ['default-calibration'],
      ops: qconfigJson(table).ops,
      warnings: table.warnings,
    });
    expect(Object.keys(report).slice(-2)).toEqual(['qconfig', 'conversion']);
    expect(report.conversion).toBeNull();
  });
});
