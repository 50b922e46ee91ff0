import { readFileSync } from 'node:fs';
import { isQtkError, manualSeed, rand, Tensor } from '@qtk/ir';
import { fixturePath } from '@qtk/test-fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importOnnx, loadOnnx, SUPPORTED_ONNX_OPS } from '../../src/index.js';
import { importFailure } from '../helpers/importError.js';
import { attr, onnxModel, type TestModel } from '../helpers/onnxModel.js';

/** The code and message of the QtkError importing `bytes` gives, the message starting with the source. */
function importError(bytes: Uint8Array, source = 'bad.onnx'): { code: string; message: string } {
  const { code, message } = importFailure(bytes, source);
  expect(message.startsWith(`${source}: `)).toBe(true);
  return { code, message };
}

const relu = (over: Partial<TestModel> = {}): TestModel => ({
  inputs: [{ name: 'x', shape: [2, 3] }],
  outputs: [{ name: 'y' }],
  nodes: [{ op: 'Relu', name: '/act/Relu', inputs: ['x'], outputs: ['y'] }],
  ...over,
});

describe('unsupported ops and opsets', () => {
  it('an op qtk does not import names the node, the op, the opset and what is supported', () => {
    const model = relu({ nodes: [{ op: 'Det', name: '/head/Det', inputs: ['x'], outputs: ['y'] }] });
    const { code, message } = importError(onnxModel(model));
    expect(code).toBe('onnx.unsupported-op');
    expect(message).toContain("node '/head/Det' has op type 'Det' (opset 17), which qtk does not import");
    expect(message).toContain(`supported ONNX ops: ${SUPPORTED_ONNX_OPS.join(', ')}`);
    expect(SUPPORTED_ONNX_OPS).toContain('LayerNormalization');
  });

  it('an op of another domain says which domain', () => {
    const model = relu({
      nodes: [{ op: 'FusedGemm', domain: 'com.microsoft', name: 'f', inputs: ['x'], outputs: ['y'] }],
    });
    expect(importError(onnxModel(model)).message).toContain(
      "node 'f' has op type 'com.microsoft::FusedGemm' (domain 'com.microsoft' not imported by the model)",
    );
  });

  it('an opset newer than 21 is refused, naming it', () => {
    const { code, message } = importError(onnxModel(relu({ opset: 22 })));
    expect(code).toBe('onnx.opset');
    expect(message).toBe(
      'bad.onnx: ONNX opset 22 is not supported; qtk imports opsets 1 to 21 (export the model with opset 17)',
    );
  });

  it('an op older than qtk imports it (Add before opset 7 broadcast differently) names op and version', () => {
    const model = relu({ opset: 6, nodes: [{ op: 'Add', name: 'a', inputs: ['x', 'x'], outputs: ['y'] }] });
    expect(importError(onnxModel(model)).message).toBe(
      "bad.onnx: node 'a' (Add): the model uses opset 6, qtk imports Add from opset 7 on",
    );
  });

  it('features of a supported op qtk does not implement are named', () => {
    const ln = relu({
      inputs: [{ name: 'x', shape: [2, 3] }],
      outputs: [{ name: 'y' }, { name: 'mean' }],
      initializers: { s: Tensor.float32([3], [1, 1, 1]) },
      nodes: [
        {
          op: 'LayerNormalization',
          name: 'ln',
          inputs: ['x', 's'],
          outputs: ['y', 'mean'],
          attrs: [attr.int('stash_type', 0)],
        },
      ],
    });
    expect(importError(onnxModel(ln)).message).toBe(
      "bad.onnx: node 'ln' (LayerNorm): only stash_type 1 (float32 statistics) is supported",
    );
    const bn = relu({
      inputs: [{ name: 'x', shape: [1, 3, 2, 2] }],
      initializers: Object.fromEntries(['s', 'b', 'm', 'v'].map((n) => [n, Tensor.float32([3], [1, 1, 1])])),
      nodes: [
        {
          op: 'BatchNormalization',
          name: 'bn',
          inputs: ['x', 's', 'b', 'm', 'v'],
          outputs: ['y'],
          attrs: [attr.int('training_mode', 1)],
        },
      ],
    });
    expect(importError(onnxModel(bn)).message).toContain("node 'bn' (BatchNormalization, opset 17): training_mode = 1");
  });
});

describe('files that are not valid ONNX models', () => {
  const seed = readFileSync(fixturePath('seed_small.onnx'));

  it('an empty file', () => {
    expect(importError(new Uint8Array(0))).toEqual({
      code: 'onnx.invalid',
      message: 'bad.onnx: not a valid ONNX model (the file is empty)',
    });
  });

  it('a truncated fixture', () => {
    const { code, message } = importError(seed.subarray(0, seed.length >> 1));
    expect(code).toBe('onnx.invalid');
    expect(message).toMatch(/^bad\.onnx: not a valid ONNX model \(protobuf decoding failed: /);
  });

  it('random bytes', () => {
    manualSeed(7);
    const bytes = Uint8Array.from(rand(4096).data, (v) => Math.floor(v * 256));
    expect(importError(bytes).message).toMatch(/^bad\.onnx: not a valid ONNX model \(/);
  });

  it('a model truncated anywhere is an error, never a crash (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seed.length - 1 }), (cut) => {
        expect(importError(seed.subarray(0, cut)).message).toMatch(/^bad\.onnx: not a valid ONNX model \(/);
      }),
      { numRuns: 200 },
    );
  });

  it('any bytes give a one-line QtkError or a graph, never another exception (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        try {
          importOnnx(bytes, { source: 'random.onnx' });
        } catch (e) {
          expect(isQtkError(e)).toBe(true);
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a node that reads a value nothing defines', () => {
    const model = relu({ nodes: [{ op: 'Add', name: '/res/Add', inputs: ['x', 'skip'], outputs: ['y'] }] });
    expect(importError(onnxModel(model)).message).toBe(
      "bad.onnx: not a valid ONNX model (node '/res/Add' (Add) reads 'skip', which no graph input, initializer or node defines)",
    );
  });

  it('a value defined twice, a cycle, a graph output nothing computes', () => {
    const twice = relu({
      nodes: [
        { op: 'Relu', name: 'a', inputs: ['x'], outputs: ['y'] },
        { op: 'Relu', name: 'b', inputs: ['x'], outputs: ['y'] },
      ],
    });
    expect(importError(onnxModel(twice)).message).toContain("value 'y' is defined twice (again by node 'b')");
    const cycle = relu({
      nodes: [
        { op: 'Add', name: 'a', inputs: ['x', 'z'], outputs: ['y'] },
        { op: 'Relu', name: 'b', inputs: ['y'], outputs: ['z'] },
      ],
    });
    expect(importError(onnxModel(cycle)).message).toContain("node 'a' is part of a cycle");
    const lost = relu({ outputs: [{ name: 'nowhere' }] });
    expect(importError(onnxModel(lost)).message).toContain(
      "graph output 'nowhere' is not computed by any node, input or initializer",
    );
  });

  it('a model without a standard opset import', () => {
    expect(importError(onnxModel(relu({ opsetImports: [] }))).message).toBe(
      'bad.onnx: not a valid ONNX model (it imports no operator set)',
    );
    expect(importError(onnxModel(relu({ opsetImports: [{ domain: 'com.example', version: 1 }] }))).message).toBe(
      'bad.onnx: not a valid ONNX model (it imports no version of the standard ONNX operator set)',
    );
  });
});

describe('values and tensors qtk cannot represent or that make no sense', () => {
  it('a float16 initializer, a NaN weight and an input without shape are named', () => {
    const f16 = relu({
      rawInitializers: [{ name: 'w16', dims: [2], data_type: 10, raw_data: new Uint8Array(4) }],
    });
    expect(importError(onnxModel(f16)).message).toBe(
      "bad.onnx: initializer 'w16' has element type FLOAT16; qtk reads FLOAT, DOUBLE, INT8, UINT8, INT16, INT32, INT64 and BOOL",
    );
    const nan = relu({ initializers: { w: Tensor.float32([3], [1, Number.NaN, 2]) } });
    expect(importError(onnxModel(nan)).message).toBe("bad.onnx: initializer 'w' contains NaN (element 1)");
    const noShape = relu({ inputs: [{ name: 'x' }] });
    expect(importError(onnxModel(noShape)).message).toBe(
      "bad.onnx: graph input 'x' has no shape; qtk needs at least its rank",
    );
  });

  it('an initializer whose data does not fit its dims', () => {
    const model = relu({
      rawInitializers: [{ name: 'w', dims: [2, 3], data_type: 1, raw_data: new Uint8Array(20) }],
    });
    expect(importError(onnxModel(model)).message).toBe(
      "bad.onnx: initializer 'w': float32[2,3] needs 24 bytes of data, found 20",
    );
  });

  it('shapes that do not fit an op are named by node', () => {
    const model = relu({
      inputs: [
        { name: 'x', shape: [2, 3] },
        { name: 'w', shape: [4, 5] },
      ],
      nodes: [{ op: 'MatMul', name: '/fc/MatMul', inputs: ['x', 'w'], outputs: ['y'] }],
    });
    expect(importError(onnxModel(model)).message).toBe(
      "bad.onnx: node '/fc/MatMul' (MatMul): inner dims differ: [2,3] x [4,5]",
    );
  });
});

describe('loadOnnx', () => {
  it('names a file it cannot read', async () => {
    await expect(loadOnnx('/nonexistent/model.onnx')).rejects.toThrow('/nonexistent/model.onnx: cannot read (ENOENT)');
  });
});
