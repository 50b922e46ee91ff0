import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixturePath } from '@qtk/test-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InspectReport } from '../src/inspect/InspectReport.js';
import { attributeText, decodeOnnx } from './support/decodeOnnx.js';
import { onnxModelBytes } from './support/onnxModelBytes.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';

const WARNING =
  'scale (Div): no integer kernel on nash-m (its divisor is not a scalar constant: qtk has no integer division); runs in float32 on the CPU';

describe('an op without an integer kernel (Div by a tensor): a CPU fallback, shown by convert, inspect and visualize', () => {
  const tmp = useTempDir();
  let quantized = '';
  let convertOutput = '';

  beforeAll(async () => {
    const model = join(tmp(), 'div.onnx');
    await writeFile(
      model,
      onnxModelBytes({
        nodes: [
          { op: 'Div', name: '/scale/Div', inputs: ['x', 'two'], outputs: ['h'] },
          { op: 'Relu', name: '/act/Relu', inputs: ['h'], outputs: ['y'] },
        ],
        inputs: [{ name: 'x', shape: [1, 3, 32, 32] }],
        outputs: [{ name: 'y', shape: [1, 3, 32, 32] }],
        initializers: [{ name: 'two', shape: [3, 1, 1], values: [2, 3, 4] }],
      }),
    );
    const calibration = join(tmp(), 'c');
    const data = fixturePath('calib_img_1x3x32x32');
    const c = await runCli(
      'calibrate',
      model,
      '-d',
      data,
      '-m',
      'nash-m',
      '-s',
      'default-calibration',
      '-n',
      '2',
      '-o',
      calibration,
      '-q',
    );
    expect(c.code).toBe(0);
    quantized = join(tmp(), 'q.qtk');
    const r = await runCli('convert', join(calibration, 'qat.qtk'), '--march', 'nash-m', '--out', quantized);
    expect(r.code).toBe(0);
    convertOutput = r.stdout;
  });

  it('convert lists the fallback and the backend’s warning', () => {
    expect(convertOutput).toContain(`Fallbacks (1):\n  scale  Div  float32 on the CPU\nWarnings (1):\n  ${WARNING}\n`);
  });

  it('inspect marks the node and reports it under conversion', async () => {
    const report = JSON.parse((await runCli('inspect', quantized, '--json')).stdout) as InspectReport;
    const div = report.nodes.find((n) => n.name === 'scale');
    expect([div?.op, div?.unit, div?.fallback]).toEqual(['Div', 'cpu', true]);
    expect(div?.inputs.map((v) => v?.dtype)).toEqual(['float32', 'float32']);
    expect(report.nodes.filter((n) => n.fallback).map((n) => n.name)).toEqual(['scale']);
    expect(report.conversion?.fallbacks).toEqual([{ name: 'scale', op: 'Div', note: 'float32 on the CPU' }]);
    expect(report.conversion?.warnings).toEqual([WARNING]);
    const text = (await runCli('inspect', quantized)).stdout;
    expect(text).toMatch(
      /\n {2}scale +Div +cpu \(fallback\) +float32\[1,3,32,32\], float32\[3,1,1\] +float32\[1,3,32,32\] +-\n/,
    );
  });

  it('visualize writes the fallback and unit attributes on the node', async () => {
    const out = join(tmp(), 'v.onnx');
    expect((await runCli('visualize', quantized, '--out', out, '-q')).code).toBe(0);
    const div = decodeOnnx(await readFile(out)).graph.node.find((n) => n.name === 'scale');
    expect([div?.domain ?? '', div?.op_type]).toEqual(['', 'Div']);
    expect(div?.attribute.map((a) => [a.name, attributeText(a)])).toEqual([
      ['fallback', 'float32 on the CPU'],
      ['unit', 'cpu'],
    ]);
  });
});
