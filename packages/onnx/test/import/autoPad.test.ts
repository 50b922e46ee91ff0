import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportOnnx, importOnnx } from '../../src/index.js';
import { maxOutputDiff } from '../helpers/compare.js';
import { attr, onnxModel, type TestModel } from '../helpers/onnxModel.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';

/** One spatial geometry: input size, kernel, stride and dilation per dim (2-D). */
const geometry = fc.record({
  size: fc.tuple(fc.integer({ min: 4, max: 11 }), fc.integer({ min: 4, max: 11 })),
  kernel: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
  stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
  dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
  autoPad: fc.constantFrom('SAME_UPPER', 'SAME_LOWER', 'VALID'),
  op: fc.constantFrom('Conv', 'MaxPool', 'AveragePool'),
  seed: fc.integer({ min: 1, max: 1000 }),
});

describe('auto_pad resolved to explicit pads', () => {
  it('gives what onnxruntime computes with auto_pad, for any geometry (property)', async () => {
    await fc.assert(
      fc.asyncProperty(geometry, async ({ size, kernel, stride, dilation, autoPad, op, seed }) => {
        // onnxruntime's AveragePool has no dilations before opset 19 (qtk imports only 1s), and
        // onnxruntime refuses (Conv) or miscomputes (MaxPool) dilations with SAME_*: no reference.
        const dilations = op === 'AveragePool' || autoPad !== 'VALID' ? [1, 1] : dilation;
        const span = kernel.map((k, i) => (k - 1) * (dilations[i] as number) + 1);
        fc.pre(span.every((s, i) => s <= (size[i] as number)));
        // Where SAME needs less than no padding (size 5, kernel 1, stride 3) onnxruntime fails on
        // negative pads; qtk pads 0, which gives the ceil(size / stride) outputs SAME asks for.
        const total = size.map(
          (d, i) => (Math.ceil(d / (stride[i] as number)) - 1) * (stride[i] as number) + (span[i] as number) - d,
        );
        fc.pre(autoPad === 'VALID' || total.every((t) => t >= 0));
        const model: TestModel = {
          opset: 13,
          inputs: [{ name: 'x', shape: [1, 2, ...size] }],
          outputs: [{ name: 'y' }],
          initializers: op === 'Conv' ? { w: randomTensor(seed + 1, [3, 2, ...kernel]) } : {},
          nodes: [
            {
              op,
              name: 'window',
              inputs: op === 'Conv' ? ['x', 'w'] : ['x'],
              outputs: ['y'],
              attrs: [
                attr.string('auto_pad', autoPad),
                attr.ints('kernel_shape', kernel),
                attr.ints('strides', stride),
                ...(op === 'AveragePool' ? [] : [attr.ints('dilations', dilations)]),
              ],
            },
          ],
        };
        const bytes = onnxModel(model);
        const feeds = { x: randomTensor(seed, [1, 2, ...size]) };
        const graph = importOnnx(bytes);
        expect(graph.nodes[0]?.attrs.pads).toBeDefined();
        expect(maxOutputDiff(await runOrt(bytes, feeds), await runOrt(exportOnnx(graph), feeds))).toBeLessThanOrEqual(
          1e-5,
        );
      }),
      { numRuns: 60 },
    );
  });
});
