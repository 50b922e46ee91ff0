import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeArtifact, loadArtifact, saveArtifact } from '@qtk/ir';
import { loadOnnx } from '@qtk/onnx';
import { evaluateNode } from '@qtk/simulator';
import { fixturePath } from '@qtk/test-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrateSeedTwoOutputs } from './support/calibratedArtifact.js';
import { expectUserError } from './support/expectUserError.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// Built by the global setup (test/support/buildCli.ts).
const bin = join(packageDir, 'dist', 'bin.js');

/** The real binary, from the package's folder (so `--backend` paths and names resolve from there). */
function qtk(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: packageDir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A usage error: exit 2, `qtk: <message>` then the pointer to --help, nothing written to stdout. */
function expectUsageError(r: { code: number | null; stdout: string; stderr: string }, message: string): void {
  expect(r).toEqual({
    code: 2,
    stdout: '',
    stderr: `qtk: ${message}\n(run 'qtk help' or 'qtk <command> --help' for usage)\n`,
  });
}

describe('qtk convert and visualize: errors, and a third-party backend', () => {
  const tmp = useTempDir();
  let qat = '';
  let out = '';

  beforeAll(async () => {
    qat = await calibrateSeedTwoOutputs(tmp());
    out = join(tmp(), 'out');
  });

  it('an unknown march is a usage error listing the registered marches; nothing is written', async () => {
    const r = await runCli('convert', qat, '--march', 'nash-x', '--out', join(out, 'q.qtk'));
    expectUsageError(r, "--march: no backend for march 'nash-x'; registered marches: nash-e, nash-h, nash-m, nash-p");
    expect(existsSync(out)).toBe(false);
  });

  it('--integer-conv on a backend without the option: the registry’s error, listing its options', async () => {
    const r = await runCli('convert', qat, '--march', 'nash-m', '--integer-conv', '--out', join(out, 'q.qtk'));
    expectUsageError(r, "--integer-conv: @qtk/backend-nash-m has no option 'integerConv' (it takes none)");
  });

  it('a QAT artifact with a fake quantization that was never calibrated', async () => {
    const artifact = await loadArtifact(qat);
    // The libraries refuse to export an uncalibrated model, so the artifact is edited: its input's
    // fake quantization loses its scale, as in a file written before calibration.
    const point = artifact.graph.findNode('quant.activation_post_process');
    if (!point) throw new Error('the QAT artifact has no input fake quantization');
    point.attrs = { ...point.attrs, scales: [] };
    const path = join(tmp(), 'uncalibrated.qtk');
    await writeFile(path, encodeArtifact(artifact));
    const r = await runCli('convert', path, '--march', 'nash-m', '--out', join(out, 'q.qtk'));
    expectUserError(
      r,
      `${path}: fake quantization '${point.name}' was never calibrated (no fixed scale); calibrate and validate before converting`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a float artifact, an ONNX model, a quantized artifact: convert takes a QAT artifact', async () => {
    const graph = await loadOnnx(fixturePath('seed_two_outputs.onnx'), { evaluate: evaluateNode });
    const float = join(tmp(), 'float.qtk');
    await saveArtifact(float, { kind: 'float', graph, metadata: {} });
    expectUserError(
      await runCli('convert', float, '--march', 'nash-m', '--out', join(out, 'q.qtk')),
      `${float}: convert takes a QAT artifact (from qtk calibrate), this one is 'float'`,
    );
    const onnx = fixturePath('seed_two_outputs.onnx');
    expectUserError(
      await runCli('convert', onnx, '--march', 'nash-m', '--out', join(out, 'q.qtk')),
      `${onnx}: convert takes a QAT artifact (a .qtk file from qtk calibrate); calibrate the model first (qtk calibrate ${onnx} --data <dir> --march <march> --setter <preset> --out <dir>)`,
    );
    const quantized = join(tmp(), 'quantized.qtk');
    expect((await runCli('convert', qat, '--march', 'nash-m', '--out', quantized, '-q')).code).toBe(0);
    expectUserError(
      await runCli('convert', quantized, '--march', 'nash-m', '--out', join(out, 'q.qtk')),
      `${quantized}: convert takes a QAT artifact (from qtk calibrate), this one is 'quantized'`,
    );
    expectUserError(
      await runCli('convert', join(tmp(), 'missing.qtk'), '--march', 'nash-m', '--out', join(out, 'q.qtk')),
      `${join(tmp(), 'missing.qtk')}: no such file`,
    );
  });

  it('never writes over the input; outputs must have their format’s extension', async () => {
    expectUserError(
      await runCli('convert', qat, '--march', 'nash-m', '--out', qat),
      `${qat}: refusing to write over the input file ${qat}; choose another --out directory`,
    );
    expectUsageError(
      await runCli('convert', qat, '--march', 'nash-m', '--out', join(out, 'q.onnx')),
      `--out ${join(out, 'q.onnx')}: a quantized artifact is written to a .qtk file`,
    );
    expectUsageError(
      await runCli('visualize', qat, '--out', join(out, 'v.qtk')),
      `--out ${join(out, 'v.qtk')}: a visualize file is written to a .onnx file`,
    );
    const v = join(tmp(), 'v.onnx');
    expect((await runCli('visualize', qat, '--out', v, '-q')).code).toBe(0);
    expectUserError(
      await runCli('visualize', v, '--out', v),
      `${v}: refusing to write over the input file ${v}; choose another --out directory`,
    );
    // A visualize file is a view, not a model: importing it says so.
    expectUserError(
      await runCli('visualize', v, '--out', join(out, 'again.onnx')),
      `${v}: imports operator set 'qtk' (qtk's integer ops): a qtk visualize file, for viewing (Netron), which qtk does not import; use the .qtk artifact it was written from`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('--backend with a package that does not exist: one line naming it', () => {
    const r = qtk(
      'convert',
      qat,
      '--march',
      'nash-m',
      '--backend',
      'qtk-backend-does-not-exist',
      '--out',
      join(out, 'q.qtk'),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^qtk: --backend qtk-backend-does-not-exist: cannot load backend package 'qtk-backend-does-not-exist': Cannot find package 'qtk-backend-does-not-exist'[^\n]*\n$/,
    );
    const missingFile = qtk(
      'convert',
      qat,
      '--march',
      'nash-m',
      '--backend',
      './no/such/backend.js',
      '--out',
      join(out, 'q.qtk'),
    );
    expect(missingFile.code).toBe(1);
    expect(missingFile.stderr).toMatch(
      /^qtk: --backend \.\/no\/such\/backend\.js: cannot load backend package '[^\n]*\n$/,
    );
    const notABackend = qtk('convert', qat, '--march', 'nash-m', '--backend', 'commander', '--out', join(out, 'q.qtk'));
    expect(notABackend).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(
        /^qtk: --backend commander: package '.*' exports no qtk backend \(expected an export named 'backend'\)\n$/,
      ),
    });
    expect(existsSync(out)).toBe(false);
  });

  it('--backend loads a third-party backend by path, whose marches convert; a shipped one by name is no change', async () => {
    const target = join(tmp(), 'toy.qtk');
    const r = qtk('convert', qat, '--march', 'toy-npu', '--backend', './test/support/toyBackend.mjs', '--out', target);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The toy places GEMMs on the TAE and everything else of the integer lowering on the VAE.
    expect(r.stdout).toBe(
      `Converted ${qat} for toy-npu\n  march:    toy-npu\n  backend:  toy-npu-backend\n` +
        'Nodes per unit (9):\n  tae  3\n  vae  6\n  vpu  0\n  cpu  0\nFallbacks: none\nWarnings: none\n' +
        `Wrote ${target}\n`,
    );
    const artifact = await loadArtifact(target);
    expect(artifact.metadata).toMatchObject({ march: 'toy-npu', backend: 'toy-npu-backend' });
    const unknown = qtk('convert', qat, '--march', 'toy-npu', '--out', join(out, 'q.qtk'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('registered marches: nash-e, nash-h, nash-m, nash-p\n');
    const shipped = qtk(
      'convert',
      qat,
      '-m',
      'nash-m',
      '--backend',
      '@qtk/backend-nash-m',
      '-o',
      join(tmp(), 'm.qtk'),
      '-q',
    );
    expect(shipped).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await readdir(tmp())).toContain('m.qtk');
  });
});
