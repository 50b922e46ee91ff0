import { type Node, Tensor } from '@qtk/ir';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportOnnx, importOnnx } from '../../src/index.js';
import { maxOutputDiff } from '../helpers/compare.js';
import { importFailure } from '../helpers/importError.js';
import { attr, onnxModel, type TestModel } from '../helpers/onnxModel.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';

type Attribute = NonNullable<TestModel['nodes'][number]['attrs']>[number];

/** x [1, 1, 1, 3] ConvTranspose W [1, 1, 1, 3] with `attrs`; the full result at stride 2 is 7 long. */
function model(attrs: Attribute[], opset = 17, xShape: (number | string)[] = [1, 1, 1, 3]): Uint8Array {
  return onnxModel({
    opset,
    inputs: [{ name: 'x', shape: xShape }],
    outputs: [{ name: 'y' }],
    initializers: { w: Tensor.float32([1, 1, 1, 3], [1, 10, 100]) },
    nodes: [{ op: 'ConvTranspose', name: 'up', inputs: ['x', 'w'], outputs: ['y'], attrs }],
  });
}

const importError = (bytes: Uint8Array) => importFailure(bytes, 'up.onnx');

const imported = (bytes: Uint8Array): Node => importOnnx(bytes).nodes.find((n) => n.op === 'ConvTranspose') as Node;

describe('ConvTranspose import', () => {
  // x = [1, 2, 3], W = [1, 10, 100], stride 2: the full result is [1, 10, 102, 20, 203, 30, 300];
  // SAME asks for 3 x 2 = 6 of it, so one position is cropped.
  const stride = attr.ints('strides', [1, 2]);

  it('SAME_UPPER crops the odd position at the end, SAME_LOWER and output_shape at the beginning; a longer output_shape extends', () => {
    expect(imported(model([attr.string('auto_pad', 'SAME_UPPER'), stride])).attrs.pads).toEqual([0, 0, 0, 1]);
    expect(imported(model([attr.string('auto_pad', 'SAME_LOWER'), stride])).attrs.pads).toEqual([0, 1, 0, 0]);
    expect(imported(model([attr.ints('output_shape', [1, 6]), stride])).attrs.pads).toEqual([0, 1, 0, 0]);
    // output_shape may include N and C; pads given beside it are replaced
    expect(
      imported(model([attr.ints('output_shape', [1, 1, 1, 5]), attr.ints('pads', [0, 0, 0, 0]), stride])).attrs.pads,
    ).toEqual([0, 1, 0, 1]);
    expect(imported(model([attr.string('auto_pad', 'VALID'), stride])).attrs.pads).toEqual([0, 0, 0, 0]);
    // one longer than the full result: extended at the end (output_padding 1 < stride 2)
    expect(imported(model([attr.ints('output_shape', [1, 8]), stride])).attrs).toMatchObject({
      pads: [0, 0, 0, 0],
      output_padding: [0, 1],
    });
  });

  it('gives what onnxruntime computes from auto_pad and output_shape (hand-checked above), at opsets 10 and 17', async () => {
    const x = Tensor.float32([1, 1, 1, 3], [1, 2, 3]);
    for (const [attrs, expected] of [
      [
        [attr.string('auto_pad', 'SAME_UPPER'), stride],
        [1, 10, 102, 20, 203, 30],
      ],
      [
        [attr.string('auto_pad', 'SAME_LOWER'), stride],
        [10, 102, 20, 203, 30, 300],
      ],
      [
        [attr.ints('output_shape', [1, 6]), stride],
        [10, 102, 20, 203, 30, 300],
      ],
      [
        [attr.ints('output_shape', [1, 7]), stride],
        [1, 10, 102, 20, 203, 30, 300],
      ],
    ] as const) {
      for (const opset of [10, 17]) {
        const bytes = model([...attrs], opset);
        const ours = await runOrt(exportOnnx(importOnnx(bytes)), { x });
        expect(ours.y?.toNumbers()).toEqual(expected);
        expect((await runOrt(bytes, { x })).y?.toNumbers()).toEqual(expected);
      }
    }
  });

  it('SAME gives input x stride outputs even where the kernel is shorter than the stride (the spec; onnxruntime gives fewer)', async () => {
    // x = [1, 2, 3], W = [5], stride 2: the full result [5, 0, 10, 0, 15] is 5 long, SAME asks for 6,
    // so it is extended at the end by a position no tap reaches
    const bytes = onnxModel({
      opset: 17,
      inputs: [{ name: 'x', shape: [1, 1, 1, 3] }],
      outputs: [{ name: 'y' }],
      initializers: { w: Tensor.float32([1, 1, 1, 1], [5]) },
      nodes: [
        {
          op: 'ConvTranspose',
          name: 'up',
          inputs: ['x', 'w'],
          outputs: ['y'],
          attrs: [attr.string('auto_pad', 'SAME_UPPER'), stride],
        },
      ],
    });
    expect(imported(bytes).attrs).toMatchObject({ pads: [0, 0, 0, 0], output_padding: [0, 1] });
    const ours = await runOrt(exportOnnx(importOnnx(bytes)), { x: Tensor.float32([1, 1, 1, 3], [1, 2, 3]) });
    expect(ours.y?.toNumbers()).toEqual([5, 0, 10, 0, 15, 0]);
  });

  it('exports what onnxruntime computes from the original, for any geometry (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          size: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })),
          kernel: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
          stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
          dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
          outputPadding: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
          pads: fc.tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 2 }),
          ),
          crop: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
          form: fc.constantFrom('pads', 'SAME_UPPER', 'SAME_LOWER', 'VALID', 'output_shape'),
          group: fc.constantFrom(1, 2),
          bias: fc.boolean(),
          seed: fc.integer({ min: 1, max: 1000 }),
        }),
        async (p) => {
          // onnxruntime refuses output_padding >= stride (PyTorch allows up to the dilation too)
          const outputPadding = p.outputPadding.map((v, i) => v % (p.stride[i] as number));
          const full = p.size.map(
            (d, i) =>
              (p.stride[i] as number) * (d - 1) +
              (outputPadding[i] as number) +
              (p.dilation[i] as number) * ((p.kernel[i] as number) - 1) +
              1,
          );
          const target =
            p.form === 'output_shape'
              ? full.map((f, i) => f - (p.crop[i] as number))
              : p.form === 'pads'
                ? full.map((f, i) => f - (p.pads[i] as number) - (p.pads[i + 2] as number))
                : p.form === 'VALID'
                  ? full
                  : p.size.map((d, i) => d * (p.stride[i] as number));
          // An output longer than the full result extends it through output_padding, which
          // onnxruntime (and qtk) keep below the stride. For SAME_* onnxruntime does not extend
          // (it gives fewer than input x stride outputs, against the spec; see above): no reference.
          fc.pre(
            target.every(
              (t, i) =>
                t >= 1 &&
                t - (full[i] as number) + (outputPadding[i] as number) < (p.stride[i] as number) &&
                (!p.form.startsWith('SAME') || t <= (full[i] as number)),
            ),
          );
          const geometry: Attribute[] = [
            attr.ints('strides', p.stride),
            attr.ints('dilations', p.dilation),
            attr.ints('output_padding', outputPadding),
            attr.int('group', p.group),
          ];
          const form: Attribute[] =
            p.form === 'pads'
              ? [attr.ints('pads', p.pads)]
              : p.form === 'output_shape'
                ? [attr.ints('output_shape', target)]
                : [attr.string('auto_pad', p.form)];
          const cin = 2 * p.group;
          const cout = 3 * p.group;
          const bytes = onnxModel({
            opset: 17,
            inputs: [{ name: 'x', shape: [1, cin, ...p.size] }],
            outputs: [{ name: 'y' }],
            initializers: {
              w: randomTensor(p.seed + 1, [cin, 3, ...p.kernel]),
              ...(p.bias ? { b: randomTensor(p.seed + 2, [cout]) } : {}),
            },
            nodes: [
              {
                op: 'ConvTranspose',
                name: 'up',
                inputs: p.bias ? ['x', 'w', 'b'] : ['x', 'w'],
                outputs: ['y'],
                attrs: [...geometry, ...form],
              },
            ],
          });
          const feeds = { x: randomTensor(p.seed, [1, cin, ...p.size]) };
          const graph = importOnnx(bytes);
          expect(graph.outputs[0]?.type.shape).toEqual([1, cout, ...target]);
          const reference = await runOrt(bytes, feeds);
          expect(maxOutputDiff(reference, await runOrt(exportOnnx(graph), feeds))).toBeLessThanOrEqual(1e-5);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names what it refuses', () => {
    expect(importError(model([attr.ints('output_shape', [1, 9]), stride])).message).toBe(
      "up.onnx: node 'up' (ConvTranspose, opset 17): output dim 1 of 9 is 2 longer than the full result 7; that needs output_padding 2, which must stay below the stride 2",
    );
    expect(importError(model([attr.ints('output_shape', [6]), stride])).message).toContain(
      'output_shape has 1 entries, expected 2 (or 4)',
    );
    const symbolic = importError(model([attr.string('auto_pad', 'SAME_UPPER'), stride], 17, [1, 1, 1, 'W']));
    expect(symbolic.code).toBe('onnx.unsupported');
    expect(symbolic.message).toContain('auto_pad SAME_UPPER needs static spatial dims, got [1,W]');
    expect(importError(model([attr.string('auto_pad', 'SAME')])).message).toContain(
      "auto_pad 'SAME' is not NOTSET, VALID, SAME_UPPER or SAME_LOWER",
    );
    expect(importError(model([attr.ints('strides', [2])])).message).toContain('strides has 1 entries, expected 2');
  });
});
