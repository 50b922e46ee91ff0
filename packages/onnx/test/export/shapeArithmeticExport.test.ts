import { Graph, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { exportOnnx } from '../../src/index.js';
import { type DecodedModel, decodedObjectOptions } from '../../src/schema/DecodedModel.js';
import { ModelProtoMessage } from '../../src/schema/onnxSchema.js';
import { runOrt } from '../helpers/ort.js';

function decode(bytes: Uint8Array): DecodedModel {
  return ModelProtoMessage.toObject(ModelProtoMessage.decode(bytes), decodedObjectOptions) as unknown as DecodedModel;
}

/** x [2,3] padded by one before and two after its last dim (with 9, or 0), the axes given as `axes`. */
function padOverAxes(axes: 'constant' | 'input', withValue = true): Graph {
  const g = new Graph('pad');
  const x = g.addInput('x', { dtype: 'float32', shape: [2, 3] });
  const pads = g.addConstant('pads', Tensor.int64([2], [1, 2]));
  const value = withValue ? g.addConstant('value', Tensor.float32([], [9])) : null;
  const a =
    axes === 'constant'
      ? g.addConstant('axes', Tensor.int64([1], [-1]))
      : g.addInput('axes', { dtype: 'int64', shape: [1] });
  const pad = g.addNode({ op: 'Pad', name: 'pad', inputs: [x, pads, value, a] });
  g.setOutputs([pad.output()]);
  return g;
}

describe('export of the shape arithmetic and data movement ops', () => {
  const x = Tensor.float32([2, 3], [1, 2, 3, 4, 5, 6]);
  const padded = [9, 1, 2, 3, 9, 9, 9, 4, 5, 6, 9, 9];

  it('Pad over constant axes: the axes input from opset 18, pads over every dim before', async () => {
    const g = padOverAxes('constant');
    for (const opset of [17, 18]) {
      const bytes = exportOnnx(g, { opset });
      const pad = decode(bytes).graph?.node[0];
      expect(pad?.input.length, `opset ${opset}`).toBe(opset >= 18 ? 4 : 3);
      const y = (await runOrt(bytes, { x }))[g.outputs[0]?.name as string];
      expect(y?.toNumbers(), `opset ${opset}`).toEqual(padded);
    }
    // Without a value: no constant_value input at all, and zeros.
    const zeros = padOverAxes('constant', false);
    const bytes = exportOnnx(zeros);
    expect(decode(bytes).graph?.node[0]?.input.length).toBe(2);
    const y = (await runOrt(bytes, { x }))[zeros.outputs[0]?.name as string];
    expect(y?.toNumbers()).toEqual(padded.map((v) => (v === 9 ? 0 : v)));
  });

  it('Pad over computed axes needs opset 18', async () => {
    const g = padOverAxes('input');
    expect(() => exportOnnx(g)).toThrow(
      "node 'pad' (Pad) has axes that are not constant, which ONNX allows from opset 18; this export writes opset 17",
    );
    const y = await runOrt(exportOnnx(g, { opset: 18 }), { x, axes: Tensor.int64([1], [1]) });
    expect(y[g.outputs[0]?.name as string]?.toNumbers()).toEqual(padded);
  });

  it('ScatterND max and min need opset 18', async () => {
    const g = new Graph('scatter');
    const data = g.addInput('data', { dtype: 'float32', shape: [4] });
    const idx = g.addConstant('idx', Tensor.int64([2, 1], [0, 3]));
    const upd = g.addConstant('upd', Tensor.float32([2], [5, -5]));
    const s = g.addNode({ op: 'ScatterND', name: 'scatter', inputs: [data, idx, upd], attrs: { reduction: 'max' } });
    g.setOutputs([s.output()]);
    expect(() => exportOnnx(g)).toThrow(
      "node 'scatter' (ScatterND) reduces with 'max', which ONNX allows from opset 18; this export writes opset 17",
    );
    const y = await runOrt(exportOnnx(g, { opset: 18 }), { data: Tensor.float32([4], [1, 2, 3, 4]) });
    expect(y[s.output().name]?.toNumbers()).toEqual([5, 2, 3, 4]);
  });

  it("ConstantOfShape's value is written as a tensor attribute; Range, Size and Trilu as they are", async () => {
    const g = new Graph('generators');
    const n = g.addInput('n', { dtype: 'int64', shape: [] });
    const zero = g.addConstant('zero', Tensor.int64([], [0]));
    const one = g.addConstant('one', Tensor.int64([], [1]));
    const r = g.addNode({ op: 'Range', name: 'range', inputs: [zero, n, one] });
    const shape = g.addNode({ op: 'Shape', name: 'shape', inputs: [r.output()] });
    const square = g.addNode({
      op: 'Concat',
      name: 'concat',
      inputs: [shape.output(), shape.output()],
      attrs: { axis: 0 },
    });
    const ones = g.addNode({
      op: 'ConstantOfShape',
      name: 'ones',
      inputs: [square.output()],
      attrs: { value: Tensor.int64([1], [2n ** 40n]) },
    });
    const lower = g.addNode({ op: 'Trilu', name: 'lower', inputs: [ones.output()], attrs: { upper: 0 } });
    const size = g.addNode({ op: 'Size', name: 'size', inputs: [lower.output()] });
    g.setOutputs([lower.output(), size.output()]);
    const out = await runOrt(exportOnnx(g), { n: Tensor.int64([], [3]) });
    const big = 2n ** 40n;
    expect([...((out[lower.output().name] as Tensor).data as BigInt64Array)]).toEqual([
      big,
      0n,
      0n,
      big,
      big,
      0n,
      big,
      big,
      big,
    ]);
    expect(out[size.output().name]?.toNumbers()).toEqual([9]);
  });
});
