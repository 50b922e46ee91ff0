import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloneGraph, Graph, isQtkError, manualSeed, QTK_DOMAIN, Tensor, trace } from '@qtk/ir';
import { articleExampleInput, SmallModel } from '@qtk/ir/models';
import { describe, expect, it } from 'vitest';
import { exportOnnx, exportVisualizeOnnx, importOnnx, saveVisualizeOnnx } from '../../../src/index.js';
import { decodedObjectOptions } from '../../../src/schema/DecodedModel.js';
import { ModelProtoMessage } from '../../../src/schema/onnxSchema.js';
import { articleCase2NashM, CASE2_CONSTANTS } from './articleCase2Graph.js';

/** What these tests read of a decoded model (64-bit integers as decimal strings). */
interface Attr {
  name: string;
  type: number;
  f?: number;
  i?: string;
  s?: Uint8Array;
  floats: number[];
  ints: string[];
}
interface NodeOut {
  name: string;
  op_type: string;
  domain?: string;
  input: string[];
  output: string[];
  attribute: Attr[];
  doc_string?: string;
}
interface ValueInfo {
  name: string;
  type: { tensor_type: { elem_type: number; shape: { dim: { dim_value?: string; dim_param?: string }[] } } };
}
interface Initializer {
  name: string;
  dims: string[];
  data_type: number;
  raw_data: Uint8Array;
}
interface ModelOut {
  ir_version: string;
  producer_name: string;
  opset_import: { domain?: string; version: string }[];
  metadata_props: { key: string; value: string }[];
  graph: {
    name: string;
    node: NodeOut[];
    initializer: Initializer[];
    input: ValueInfo[];
    output: ValueInfo[];
    value_info: ValueInfo[];
  };
}

function decode(bytes: Uint8Array): ModelOut {
  return ModelProtoMessage.toObject(ModelProtoMessage.decode(bytes), decodedObjectOptions) as unknown as ModelOut;
}

// ONNX's codes: AttributeProto.AttributeType and TensorProto.DataType.
const ATTRIBUTE = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7 };
const ELEMENT = { FLOAT: 1, INT8: 3, INT16: 5, INT32: 6, INT64: 7 };

const text = (a: Attr | undefined) => (a?.s ? new TextDecoder().decode(a.s) : undefined);
const attrOf = (n: NodeOut | undefined, name: string) => n?.attribute.find((a) => a.name === name);
const typeOf = (v: ValueInfo | undefined) => ({
  elem: v?.type.tensor_type.elem_type,
  shape: v?.type.tensor_type.shape.dim.map((d) => (d.dim_value === undefined ? d.dim_param : Number(d.dim_value))),
});

describe('exportVisualizeOnnx: the article’s case 2 as nash-m converts it', () => {
  const model = decode(
    exportVisualizeOnnx(articleCase2NashM(), { metadata: { march: 'nash-m', backend: '@qtk/backend-nash-m' } }),
  );
  const nodes = model.graph.node;
  const byName = (name: string) => nodes.find((n) => n.name === name);

  it('one node per qtk node, with its name, op type and domain: integer ops in qtk, the Relu in the default domain', () => {
    expect(nodes.map((n) => [n.name, n.domain ?? '', n.op_type])).toEqual([
      ['quant.activation_post_process', 'qtk', 'Quantize'],
      ['linear1', 'qtk', 'Linear'],
      ['layernorm', 'qtk', 'LayerNorm'],
      ['relu', '', 'Relu'],
      ['linear2', 'qtk', 'Linear'],
      ['linear3.input_fake_quant_0', 'qtk', 'Rescale'],
      ['linear3', 'qtk', 'Linear'],
      ['z_dequantize', 'qtk', 'Dequantize'],
      ['y_dequantize', 'qtk', 'Dequantize'],
    ]);
    expect(byName('linear2')?.input).toEqual(['/relu/Relu_output_0', 'linear2.weight_quantized', 'linear2.bias_int32']);
    expect(byName('linear2')?.output).toEqual(['y_before_dequant']);
    // y_before_dequant (int32) is read twice: the Dequantize of output y and the Rescale to linear3.
    expect(nodes.filter((n) => n.input.includes('y_before_dequant')).map((n) => n.op_type)).toEqual([
      'Rescale',
      'Dequantize',
    ]);
    expect(byName('linear2')?.doc_string).toBe(
      'Integer linear: int32 accumulation, then requantize / int32 / float32 output per channel.',
    );
  });

  it('a unit string attribute on every node', () => {
    expect(nodes.map((n) => [n.name, attrOf(n, 'unit')?.type, text(attrOf(n, 'unit'))])).toEqual([
      ['quant.activation_post_process', ATTRIBUTE.STRING, 'vpu'],
      ['linear1', ATTRIBUTE.STRING, 'tae'],
      ['layernorm', ATTRIBUTE.STRING, 'vpu'],
      ['relu', ATTRIBUTE.STRING, 'vae'],
      ['linear2', ATTRIBUTE.STRING, 'tae'],
      ['linear3.input_fake_quant_0', ATTRIBUTE.STRING, 'vae'],
      ['linear3', ATTRIBUTE.STRING, 'tae'],
      ['z_dequantize', ATTRIBUTE.STRING, 'cpu'],
      ['y_dequantize', ATTRIBUTE.STRING, 'cpu'],
    ]);
    expect(nodes.some((n) => attrOf(n, 'fallback'))).toBe(false);
  });

  it('scales, multipliers and shifts as typed attributes, sorted by name, with the definitions’ defaults', () => {
    const linear2 = byName('linear2');
    expect(linear2?.attribute.map((a) => a.name)).toEqual([
      'input_scale',
      'out_dtype',
      'overflow',
      'unit',
      'weight_scales',
    ]);
    expect(text(attrOf(linear2, 'out_dtype'))).toBe('int32');
    expect(attrOf(linear2, 'weight_scales')).toMatchObject({ type: ATTRIBUTE.FLOATS });
    expect(attrOf(linear2, 'weight_scales')?.floats.map(Math.fround)).toEqual(
      [0.0005, 0.0006, 0.0007].map(Math.fround),
    );

    const rescale = byName('linear3.input_fake_quant_0');
    expect(attrOf(rescale, 'multipliers')).toMatchObject({
      type: ATTRIBUTE.INTS,
      ints: ['1404244215', '1411807828', '1391705426'],
    });
    expect(attrOf(rescale, 'shifts')?.ints).toEqual(['40', '40', '40']);
    expect(attrOf(rescale, 'axis')).toMatchObject({ type: ATTRIBUTE.INT, i: '2' });

    const layernorm = byName('layernorm');
    expect(attrOf(layernorm, 'multiplier')).toMatchObject({ type: ATTRIBUTE.INT, i: '1119566695' });
    expect(attrOf(layernorm, 'epsilon_int')?.i).toBe('1987');
    // Quantize leaves its rounding to the definition's default; the file shows it.
    const quantize = byName('quant.activation_post_process');
    expect(text(attrOf(quantize, 'rounding'))).toBe('half-to-even');
    expect(attrOf(quantize, 'scales')?.floats).toEqual([0.03125]);
  });

  it('weights, biases, gamma and beta as initializers in their integer dtype, bytes as stored', () => {
    const inits = model.graph.initializer;
    expect(inits.map((t) => [t.name, t.data_type, t.dims.map(Number)])).toEqual([
      ['linear1.weight_quantized', ELEMENT.INT8, [4, 4]],
      ['linear1.bias_int32', ELEMENT.INT32, [4]],
      ['layernorm.gamma_int16', ELEMENT.INT16, [4]],
      ['layernorm.beta_int32', ELEMENT.INT32, [4]],
      ['linear2.weight_quantized', ELEMENT.INT8, [3, 4]],
      ['linear2.bias_int32', ELEMENT.INT32, [3]],
      ['linear3.weight_quantized', ELEMENT.INT8, [3, 3]],
      ['linear3.bias_int32', ELEMENT.INT32, [3]],
    ]);
    const arrays = { 3: Int8Array, 5: Int16Array, 6: Int32Array } as Record<
      number,
      typeof Int8Array | typeof Int16Array | typeof Int32Array
    >;
    for (const t of inits) {
      const View = arrays[t.data_type] as typeof Int32Array;
      const raw = t.raw_data;
      const values = [...new View(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength))];
      expect(values, t.name).toEqual([...(CASE2_CONSTANTS[t.name as keyof typeof CASE2_CONSTANTS].data as Int32Array)]);
    }
  });

  it('the element type and shape of every value: inputs, outputs and value_info for each intermediate one', () => {
    expect(model.graph.input.map((v) => [v.name, typeOf(v)])).toEqual([
      ['x', { elem: ELEMENT.FLOAT, shape: [2, 3, 4] }],
    ]);
    expect(model.graph.output.map((v) => [v.name, typeOf(v)])).toEqual([
      ['z', { elem: ELEMENT.FLOAT, shape: [2, 3, 3] }],
      ['y', { elem: ELEMENT.FLOAT, shape: [2, 3, 3] }],
    ]);
    expect(model.graph.value_info.map((v) => [v.name, typeOf(v)])).toEqual([
      ['quant.activation_post_process', { elem: ELEMENT.INT8, shape: [2, 3, 4] }],
      ['/linear1/Add_output_0', { elem: ELEMENT.INT8, shape: [2, 3, 4] }],
      ['/layernorm/LayerNormalization_output_0', { elem: ELEMENT.INT8, shape: [2, 3, 4] }],
      ['/relu/Relu_output_0', { elem: ELEMENT.INT8, shape: [2, 3, 4] }],
      ['y_before_dequant', { elem: ELEMENT.INT32, shape: [2, 3, 3] }],
      ['linear3.input_fake_quant_0', { elem: ELEMENT.INT8, shape: [2, 3, 3] }],
      ['z_before_dequant', { elem: ELEMENT.INT32, shape: [2, 3, 3] }],
    ]);
  });

  it('imports the standard domain (17) and qtk (1); producer qtk; metadata as sorted properties', () => {
    expect(model.opset_import).toEqual([{ version: '17' }, { domain: 'qtk', version: '1' }]);
    expect(model.producer_name).toBe('qtk');
    expect(model.graph.name).toBe('torch_jit');
    expect(model.metadata_props).toEqual([
      { key: 'backend', value: '@qtk/backend-nash-m' },
      { key: 'march', value: 'nash-m' },
    ]);
  });
});

describe('exportVisualizeOnnx on other graphs', () => {
  it('a CPU fallback carries its fallback annotation; an annotation named like an attribute is prefixed', () => {
    const g = new Graph('fallback');
    const x = g.addInput('x', { dtype: 'int16', shape: [2] });
    const f = g.addNode({ op: 'Dequantize', domain: QTK_DOMAIN, name: 'dq', inputs: [x], attrs: { scales: [0.5] } });
    f.annotations = { unit: 'cpu', scales: 'shown twice' };
    const two = g.addConstant('two', new Tensor('float32', [], Float32Array.of(2)));
    const div = g.addNode({ op: 'Div', name: 'div', inputs: [f.output(), two] });
    div.annotations = { unit: 'cpu', fallback: 'float32 on the CPU' };
    g.setOutputs([div.output()]);
    const [dq, d] = decode(exportVisualizeOnnx(g)).graph.node;
    expect(d?.attribute.map((a) => [a.name, text(a)])).toEqual([
      ['fallback', 'float32 on the CPU'],
      ['unit', 'cpu'],
    ]);
    expect(dq?.attribute.map((a) => [a.name, a.type])).toEqual([
      ['annotation.scales', ATTRIBUTE.STRING],
      ['scales', ATTRIBUTE.FLOATS],
      ['unit', ATTRIBUTE.STRING],
    ]);
    expect(decode(exportVisualizeOnnx(g)).graph.initializer.map((t) => [t.name, t.data_type])).toEqual([
      ['two', ELEMENT.FLOAT],
    ]);
  });

  it('a QAT graph: FakeQuantize nodes with dtype, scales, axis and state, float weights', () => {
    const g = new Graph('qat');
    const x = g.addInput('x', { dtype: 'float32', shape: [2, 4] });
    const w = g.addConstant('w', new Tensor('float32', [3, 4], new Float32Array(12).fill(0.25)));
    const fx = g.addNode({ op: 'FakeQuantize', name: 'x_fq', inputs: [x], attrs: { dtype: 'qint8', scales: [0.05] } });
    const fw = g.addNode({
      op: 'FakeQuantize',
      name: 'w_fq',
      inputs: [w],
      attrs: { dtype: 'qint8', scales: [0.01, 0.02, 0.03], axis: 0, rounding: 'bpu', observer: 'minmax' },
    });
    const lin = g.addNode({ op: 'Linear', name: 'fc', inputs: [fx.output(), fw.output()] });
    g.setOutputs([lin.output()]);
    const model = decode(exportVisualizeOnnx(g));
    const [nx, nw, nfc] = model.graph.node;
    expect([nx, nw, nfc].map((n) => [n?.name, n?.domain ?? '', n?.op_type])).toEqual([
      ['x_fq', '', 'FakeQuantize'],
      ['w_fq', '', 'FakeQuantize'],
      ['fc', '', 'Linear'],
    ]);
    expect(nx?.attribute.map((a) => [a.name, a.type])).toEqual([
      ['dtype', ATTRIBUTE.STRING],
      ['enabled', ATTRIBUTE.INT],
      ['rounding', ATTRIBUTE.STRING],
      ['scales', ATTRIBUTE.FLOATS],
    ]);
    expect(text(attrOf(nx, 'dtype'))).toBe('qint8');
    expect(attrOf(nx, 'enabled')?.i).toBe('1');
    expect(attrOf(nw, 'scales')?.floats.map(Math.fround)).toEqual([0.01, 0.02, 0.03].map(Math.fround));
    expect(attrOf(nw, 'axis')?.i).toBe('0');
    expect(text(attrOf(nw, 'rounding'))).toBe('bpu');
    expect(text(attrOf(nw, 'observer'))).toBe('minmax');
    expect(model.graph.initializer.map((t) => [t.name, t.data_type])).toEqual([['w', ELEMENT.FLOAT]]);
    expect(model.graph.value_info.map((v) => [v.name, typeOf(v)])).toEqual([
      ['x_fq', { elem: ELEMENT.FLOAT, shape: [2, 4] }],
      ['w_fq', { elem: ELEMENT.FLOAT, shape: [3, 4] }],
    ]);
  });

  it('a float graph (the article’s SmallModel, traced): qtk’s core ops as they are, int64 constants as int64', () => {
    manualSeed(42);
    const x = articleExampleInput();
    const g = trace(new SmallModel(), x, { inputNames: ['x'], outputNames: ['z'] });
    const shape = g.addConstant('flat_shape', new Tensor('int64', [2], BigInt64Array.of(-1n, 60n)));
    const flat = g.addNode({ op: 'Reshape', name: 'flatten', inputs: [g.outputs[0] ?? null, shape] });
    g.setOutputs([flat.output()]);
    const model = decode(exportVisualizeOnnx(g));
    expect(model.graph.node.map((n) => `${n.domain ?? ''}:${n.op_type}:${n.name}`)).toEqual([
      ':QuantStub:quant',
      ':Linear:linear1',
      ':LayerNorm:layernorm',
      ':Relu:relu',
      ':Linear:linear2',
      ':Linear:linear3',
      ':DeQuantStub:dequant',
      ':Reshape:flatten',
    ]);
    expect(model.graph.node.every((n) => !attrOf(n, 'unit'))).toBe(true);
    const inits = model.graph.initializer;
    expect(inits.find((t) => t.name === 'flat_shape')?.data_type).toBe(ELEMENT.INT64);
    expect(inits.filter((t) => t.name !== 'flat_shape').every((t) => t.data_type === ELEMENT.FLOAT)).toBe(true);
    expect(typeOf(model.graph.output[0])).toEqual({ elem: ELEMENT.FLOAT, shape: [200, 60] });
    // Every intermediate value: each node's output but the last, which is the graph's.
    expect(model.graph.value_info.map((v) => typeOf(v).elem)).toEqual(new Array(7).fill(ELEMENT.FLOAT));
  });
});

describe('files', () => {
  it('the same graph (or a clone) gives the same bytes; saveVisualizeOnnx writes them', async () => {
    const g = articleCase2NashM();
    const bytes = exportVisualizeOnnx(g);
    expect(Buffer.from(exportVisualizeOnnx(g)).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(exportVisualizeOnnx(cloneGraph(g))).equals(Buffer.from(bytes))).toBe(true);
    const path = join(mkdtempSync(join(tmpdir(), 'qtk-visualize-')), 'v.onnx');
    await saveVisualizeOnnx(path, g);
    expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true);
  });

  it('importOnnx refuses a visualize file, saying what it is; a float export of the same float graph imports', () => {
    const importError = (bytes: Uint8Array) => {
      try {
        importOnnx(bytes, { source: 'v.onnx' });
      } catch (e) {
        if (isQtkError(e)) return { code: e.code, message: e.message };
        throw e;
      }
      return undefined;
    };
    const message =
      "v.onnx: imports operator set 'qtk' (qtk's integer ops): a qtk visualize file, for viewing (Netron), which qtk does not import; use the .qtk artifact it was written from";
    expect(importError(exportVisualizeOnnx(articleCase2NashM()))).toEqual({ code: 'onnx.visualize-file', message });
    manualSeed(42);
    const float = trace(new SmallModel(), articleExampleInput(), { inputNames: ['x'], outputNames: ['z'] });
    // Even a float graph's view (core ops only) is refused: it is not a model to run (Linear is no ONNX op).
    expect(importError(exportVisualizeOnnx(float))?.code).toBe('onnx.visualize-file');
    expect(importError(exportOnnx(float))).toBeUndefined();
  });
});
