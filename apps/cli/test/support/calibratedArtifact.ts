import { join } from 'node:path';
import { fixturePath } from '@qtk/test-fixtures';
import { expect } from 'vitest';
import { runCli } from './runCli.js';

/**
 * `qtk calibrate seed_two_outputs.onnx --data calib_seq_2x100x256 --march nash-m --setter
 * default-calibration --limit 4 --out <dir>/calibration`: the article's second model as a QAT
 * artifact (case 2: y = linear2's output is a model output and linear3's input). Returns qat.qtk.
 */
export async function calibrateSeedTwoOutputs(dir: string): Promise<string> {
  const out = join(dir, 'calibration');
  const r = await runCli(
    'calibrate',
    fixturePath('seed_two_outputs.onnx'),
    '--data',
    fixturePath('calib_seq_2x100x256'),
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
  return join(out, 'qat.qtk');
}
