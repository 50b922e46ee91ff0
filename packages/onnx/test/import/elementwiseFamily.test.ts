import { Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { exportOnnx, importOnnx } from '../../src/index.js';
import { exportAgainstOriginal } from '../helpers/exportAgainstOriginal.js';
import { importError } from '../helpers/importError.js';
import { attr, onnxModel, type TestModel } from '../helpers/onnxModel.js';
import { runOrt } from '../helpers/ort.js';
import { randomTensor } from '../helpers/randomTensor.js';

const unary = (op: string, opset: number, attrs = [] as TestModel['nodes'][number]['attrs']): TestModel => ({
  opset,
  inputs: [{ name: 'x', shape: [2, 3] }],
  outputs: [{ name: 'y' }],
  nodes: [{ op, name: `/f/${op}`, inputs: ['x'], outputs: ['y'], attrs }],
});

describe('importing the elementwise family', () => {
  it('attributes set and left to their defaults compute as onnxruntime does on the original model', async () => {
    const model: TestModel = {
      opset: 14,
      inputs: [{ name: 'x', shape: [4, 3, 5] }],
      outputs: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].map((name) => ({ name })),
      initializers: { slope: Tensor.float32([3, 1], [0.1, -0.5, 2]), two: Tensor.float32([], [2]) },
      nodes: [
        { op: 'HardSigmoid', inputs: ['x'], outputs: ['a'] },
        {
          op: 'HardSigmoid',
          inputs: ['x'],
          outputs: ['b'],
          attrs: [attr.float('alpha', 0.3), attr.float('beta', 0.6)],
        },
        { op: 'LeakyRelu', inputs: ['x'], outputs: ['c'] },
        { op: 'Elu', inputs: ['x'], outputs: ['d'], attrs: [attr.float('alpha', 0.3)] },
        { op: 'Selu', inputs: ['x'], outputs: ['e'] },
        { op: 'Selu', inputs: ['x'], outputs: ['f'], attrs: [attr.float('alpha', 2), attr.float('gamma', 0.5)] },
        { op: 'PRelu', inputs: ['x', 'slope'], outputs: ['g'] },
        { op: 'HardSwish', inputs: ['x'], outputs: ['h'] },
        { op: 'Mean', inputs: ['x', 'two', 'x'], outputs: ['i'] },
        { op: 'Softplus', inputs: ['x'], outputs: ['s'] },
        { op: 'Log', inputs: ['s'], outputs: ['j'] },
        { op: 'Mod', inputs: ['x', 'two'], outputs: ['k'], attrs: [attr.int('fmod', 1)] },
      ],
    };
    const { graph, differences } = await exportAgainstOriginal(model, { x: randomTensor(7, [4, 3, 5], 4) });
    expect(graph.nodes.map((n) => n.op)).toContain('PRelu');
    expect(differences[0]).toBeLessThanOrEqual(1e-6);
  });

  it('CastLike is a Cast to its second input dtype; Cast keeps its target through export', async () => {
    const model: TestModel = {
      opset: 15,
      inputs: [
        { name: 'x', shape: [5] },
        { name: 'like', dtype: 'int64', shape: [1] },
      ],
      outputs: [
        { name: 'y', dtype: 'int64' },
        { name: 'z', dtype: 'bool' },
      ],
      nodes: [
        { op: 'CastLike', name: 'cl', inputs: ['x', 'like'], outputs: ['y'] },
        { op: 'Cast', name: 'c', inputs: ['x'], outputs: ['z'], attrs: [attr.int('to', 9)] },
      ],
    };
    const graph = importOnnx(onnxModel(model));
    const cl = graph.findNode('cl');
    expect(cl?.op).toBe('Cast');
    expect(cl?.attrs).toEqual({ to: 'int64' });
    expect(cl?.inputs.map((v) => v?.name)).toEqual(['x']);
    expect(graph.findNode('c')?.attrs).toEqual({ to: 'bool' });
    const feeds = { x: Tensor.float32([5], [-2.7, -0.2, 0, 0.4, 9.9]), like: Tensor.int64([1], [0]) };
    const got = await runOrt(exportOnnx(graph), feeds);
    expect(got.y?.toNumbers()).toEqual([-2, 0, 0, 0, 9]);
    expect(got.z?.toNumbers()).toEqual([1, 1, 0, 1, 1]);
  });

  it('a cast to a dtype qtk lacks is refused in one line naming the node and the type', () => {
    expect(importError(unary('Cast', 17, [attr.int('to', 8)]))).toBe(
      "m.onnx: node '/f/Cast' (Cast, opset 17): cannot cast to STRING: qtk has no such dtype",
    );
    expect(importError(unary('Cast', 17, [attr.int('to', 10)]))).toContain('cannot cast to FLOAT16');
    expect(importError(unary('Cast', 17))).toBe("m.onnx: node '/f/Cast' (Cast, opset 17): needs attribute 'to'");
  });

  it('forms older than qtk imports are named with the first version it does', () => {
    expect(importError(unary('HardSigmoid', 5))).toBe(
      "m.onnx: node '/f/HardSigmoid' (HardSigmoid): the model uses opset 5, qtk imports HardSigmoid from opset 6 on",
    );
    expect(importError(unary('Round', 10))).toContain('qtk imports Round from opset 11 on');
    expect(importError(unary('Cast', 5, [attr.int('to', 1)]))).toContain('qtk imports Cast from opset 6 on');
  });

  it('inputs and attributes ONNX forbids are errors naming the node', () => {
    const mod: TestModel = {
      inputs: [{ name: 'x', shape: [2] }],
      outputs: [{ name: 'y' }],
      nodes: [{ op: 'Mod', name: 'm', inputs: ['x', 'x'], outputs: ['y'] }],
    };
    expect(importError(mod)).toContain("node 'm' (Mod): fmod must be 1 for float32 inputs (fmod 0 is integer only)");
    const max = { ...mod, nodes: [{ op: 'Max', name: 'mx', inputs: [], outputs: ['y'] }] };
    expect(importError(max)).toContain("node 'mx' (Max, opset 17): has no inputs, expected at least one");
    const where = { ...mod, nodes: [{ op: 'Where', name: 'w', inputs: ['x', 'x', 'x'], outputs: ['y'] }] };
    expect(importError(where)).toContain("node 'w' (Where): condition is float32, expected bool");
  });
});
