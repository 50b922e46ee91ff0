import { readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { reportError } from '../src/cli/reportError.js';
import { expectUserError } from './support/expectUserError.js';
import { onnxModelBytes } from './support/onnxModelBytes.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';
import { testData } from './support/testData.js';

const cnn = fixturePath('small_cnn.onnx');
const cnnInput = fixturePath('small_cnn.input.npy');

describe('user errors: one line, exit 1, no stack', () => {
  const tmp = useTempDir();

  it('a missing model file', async () => {
    expectUserError(await runCli('inspect', 'nope.onnx'), 'nope.onnx: no such file');
    expectUserError(await runCli('run', 'nope.qtk', '--out', tmp()), 'nope.qtk: no such file');
  });

  it('an unknown model extension', async () => {
    expectUserError(
      await runCli('inspect', 'model.pt'),
      "model.pt: unknown model format '.pt'; expected a .onnx or .qtk file",
    );
    expectUserError(
      await runCli('inspect', 'model'),
      'model: unknown model format (no extension); expected a .onnx or .qtk file',
    );
  });

  it('a directory given as a model', async () => {
    const dir = join(tmp(), 'dir.onnx');
    await mkdir(dir);
    expectUserError(await runCli('inspect', dir), `${dir}: not a regular file`);
  });

  it('a malformed .onnx', async () => {
    const path = join(tmp(), 'garbage.onnx');
    await writeFile(path, 'this is not a protobuf message at all \u0000\u00ff');
    const r = await runCli('inspect', path);
    expectUserError(r, new RegExp(`^qtk: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  });

  it('a malformed .qtk', async () => {
    const path = join(tmp(), 'garbage.qtk');
    await writeFile(path, 'not an artifact');
    expectUserError(
      await runCli('inspect', path),
      `${path}: not a valid qtk artifact (it does not start with the .qtk header)`,
    );
  });

  it('an unsupported op names the op and the node', async () => {
    const path = join(tmp(), 'hardmax.onnx');
    await writeFile(
      path,
      onnxModelBytes({
        nodes: [{ op: 'Hardmax', name: 'the_hardmax', inputs: ['x'], outputs: ['y'] }],
        inputs: [{ name: 'x', shape: [1, 4] }],
        outputs: [{ name: 'y', shape: [1, 4] }],
      }),
    );
    const r = await runCli('inspect', path);
    expectUserError(r, /Hardmax/);
    expect(r.stderr).toContain('the_hardmax');
  });

  it('a missing or malformed .npy input', async () => {
    const missing = join(tmp(), 'missing.npy');
    expectUserError(await runCli('run', cnn, '--input', missing, '--out', tmp()), `${missing}: no such file`);
    const garbage = join(tmp(), 'garbage.npy');
    await writeFile(garbage, 'garbage');
    expectUserError(
      await runCli('run', cnn, '--input', garbage, '--out', tmp()),
      `${garbage}: not a valid .npy file (it does not start with \\x93NUMPY)`,
    );
    const truncated = testData('truncated_2x3.npy');
    expectUserError(
      await runCli('run', cnn, '--input', truncated, '--out', tmp()),
      `${truncated}: float32[2,3] needs 24 bytes of data, the file has 19 (truncated)`,
    );
  });

  it('a wrong input name', async () => {
    expectUserError(
      await runCli('run', cnn, '--input', `image=${cnnInput}`, '--out', tmp()),
      `--input image=${cnnInput}: the model has no input 'image' (its inputs: x)`,
    );
  });

  it('a wrong shape names the input and gives the expected and the given shape', async () => {
    expectUserError(
      await runCli('run', cnn, '--input', `x=${fixturePath('seed_small.input.npy')}`, '--out', tmp()),
      `input 'x' (${fixturePath('seed_small.input.npy')}): expected shape [1,3,32,32], got [2,100,256]`,
    );
  });

  it('a wrong dtype', async () => {
    const f64 = testData('float64_2x3.npy');
    expectUserError(
      await runCli('run', cnn, '--input', f64, '--out', tmp()),
      `input 'x' (${f64}): expected dtype float32, got float64`,
    );
  });

  it('NaN and infinity in a float input are counted', async () => {
    const bad = testData('nan_inf_1x3x32x32.npy');
    expectUserError(
      await runCli('run', cnn, '--input', bad, '--out', tmp()),
      `input 'x' (${bad}): 2 NaN and 1 infinite values of 3072; inputs must be finite`,
    );
  });

  it('an --out that is a file', async () => {
    const file = join(tmp(), 'a-file');
    await writeFile(file, '');
    expectUserError(
      await runCli('run', cnn, '--input', cnnInput, '--out', file),
      `${file}: cannot create the output directory (EEXIST)`,
    );
  });

  it('an output path taken by a directory', async () => {
    const out = join(tmp(), 'taken');
    await mkdir(join(out, 'logits.npy'), { recursive: true });
    expectUserError(
      await runCli('run', cnn, '--input', cnnInput, '--out', out),
      `${join(out, 'logits.npy')}: exists and is not a file; cannot write the output there`,
    );
  });

  it('--debug adds the stack', async () => {
    const r = await runCli('--debug', 'inspect', 'nope.onnx');
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('qtk: nope.onnx: no such file');
    expect(lines[1]).toBe('QtkError: nope.onnx: no such file');
    expect(lines[2]).toMatch(/^\s+at /);
    // The option is global: it works after the command too.
    expect((await runCli('inspect', 'nope.onnx', '--debug')).stderr).toMatch(/\n\s+at /);
  });

  it('a copy of the model elsewhere loads the same (no path assumptions)', async () => {
    const copy = join(tmp(), 'copy.onnx');
    await copyFile(cnn, copy);
    expect((await runCli('inspect', copy)).code).toBe(0);
  });
});

describe('usage errors: exit 2', () => {
  it.each([
    [['inspect', '--frobnicate'], "qtk: unknown option '--frobnicate'"],
    [['run'], "qtk: required option '-o, --out <dir>' not specified"],
    [['run', '--out'], "qtk: option '-o, --out <dir>' argument missing"],
    [['calibrate'], "qtk: required option '-d, --data <dir>' not specified"],
    [
      ['calibrate', '--data', 'd', '-m', 'nash-m', '-s', 'default-qat', '-o', 'o'],
      "qtk: missing required argument 'model'",
    ],
    [['convert', '-m', 'nash-m', '-o', 'q.qtk'], "qtk: missing required argument 'qat'"],
    [['convert', 'q.qtk', '--out', 'o.qtk'], "qtk: required option '-m, --march <march>' not specified"],
    [['visualize', 'q.qtk'], "qtk: required option '-o, --out <file.onnx>' not specified"],
    [['frobnicate'], "qtk: unknown command 'frobnicate'"],
    [['inspect', 'a.onnx', 'b.onnx'], 'qtk: too many arguments for'],
  ])('qtk %j', async (args, message) => {
    const r = await runCli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr).toContain("(run 'qtk help' or 'qtk <command> --help' for usage)");
  });

  it('no command prints the help on stderr', async () => {
    const r = await runCli();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: qtk [options] [command]');
  });
});

describe('help and version: exit 0', () => {
  it('--help lists the commands and exit codes', async () => {
    const r = await runCli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('inspect [options] [model]');
    expect(r.stdout).toContain('run [options] [model]');
    expect(r.stdout).toContain('calibrate [options] <model>');
    expect(r.stdout).toContain('convert [options] <qat>');
    expect(r.stdout).toContain('visualize [options] <model>');
    expect(r.stdout).toContain('Exit codes: 0 success, 1 error (bad file, model or input), 2 usage error.');
  });

  it.each([[['help']], [['help', 'run']], [['run', '--help']], [['convert', '--help']], [['help', 'visualize']]])(
    'qtk %j',
    async (args) => {
      const r = await runCli(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: qtk /);
    },
  );

  it('inspect --help defines parameters and MACs', async () => {
    const r = await runCli('inspect', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Parameters are the elements of all floating-point constants');
  });

  it('--version prints the package version', async () => {
    const r = await runCli('--version');
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('bugs keep their stack', () => {
  it('a non-QtkError prints its stack and exits 1', () => {
    let text = '';
    const io = { stdout: () => {}, stderr: (t: string) => (text += t), interactive: false };
    const code = reportError(new TypeError('x is undefined'), io, false);
    expect(code).toBe(1);
    expect(text).toMatch(
      /^qtk: internal error \(this is a bug in qtk; please report it with the output below\)\nTypeError: x is undefined\n\s+at /,
    );
  });

  it('a QtkError from another copy of @qtk/ir is still a user error', () => {
    let text = '';
    const io = { stdout: () => {}, stderr: (t: string) => (text += t), interactive: false };
    const foreign = Object.assign(new Error('m.onnx: bad'), { name: 'QtkError', code: 'x' });
    expect(reportError(foreign, io, false)).toBe(1);
    expect(text).toBe('qtk: m.onnx: bad\n');
  });
});
