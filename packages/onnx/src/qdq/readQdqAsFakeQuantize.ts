import {
  type Attributes,
  dequantizeTensor,
  type Graph,
  linearQuantAxis,
  type Node,
  QtkError,
  replaceMatch,
  Tensor,
  type Value,
} from '@qtk/ir';
import type { NodeOrigins } from '../import/naming/NodeOrigins.js';
import { readSymmetricQuantization, type SymmetricQuantization, sameQuantization } from './symmetricQuantization.js';

function fakeQuantizeAttrs(q: SymmetricQuantization): Attributes {
  return { dtype: q.dtype, scales: [...q.scales], ...(q.axis !== undefined ? { axis: q.axis } : {}) };
}

/** Replaces `dq` by a FakeQuantize of `input` that keeps its output's name; origins `names`. */
function replaceByFakeQuantize(
  graph: Graph,
  origins: NodeOrigins,
  dq: Node,
  input: Value,
  q: SymmetricQuantization,
  names: readonly string[],
): void {
  const match = { root: dq, nodes: {}, values: {}, covered: [dq] };
  const fq = replaceMatch(graph, match, {
    op: 'FakeQuantize',
    name: dq.name,
    inputs: [input],
    attrs: fakeQuantizeAttrs(q),
  });
  origins.set(fq, names);
}

/** `QuantizeLinear -> DequantizeLinear` with constant parameters: one FakeQuantize of Q's input. */
function readPair(graph: Graph, origins: NodeOrigins, q: Node, dq: Node): boolean {
  const [x, qScale, qZero] = [q.input(0), q.input(1), q.inputs[2] ?? null];
  const [dqScale, dqZero] = [dq.input(1), dq.inputs[2] ?? null];
  if (!qScale.constant || !dqScale.constant || (qZero && !qZero.constant) || (dqZero && !dqZero.constant)) {
    return false; // scales computed at run time: ONNX semantics, not a fixed-scale fake quantization
  }
  const integer = q.output().type.dtype;
  const quantize = readSymmetricQuantization(q, x.type.shape, integer, qScale.constant, qZero?.constant);
  const dequantize = readSymmetricQuantization(dq, x.type.shape, integer, dqScale.constant, dqZero?.constant);
  if (!sameQuantization(quantize, dequantize)) {
    throw new QtkError(
      'onnx.qdq',
      `node '${dq.name}' (DequantizeLinear) reads node '${q.name}' (QuantizeLinear) with another scale or axis; qtk reads a Q/DQ pair as one fake quantization, which needs the same ones`,
    );
  }
  replaceByFakeQuantize(graph, origins, dq, x, quantize, [dq.name, q.name]);
  if (q.output().uses.length === 0 && !graph.outputs.includes(q.output())) graph.removeNode(q);
  return true;
}

/** The float constant a DequantizeLinear of integers `name` stands for (`w_quantized` holds `w`). */
function floatConstantName(name: string): string {
  return name.endsWith('_quantized') ? name.slice(0, -'_quantized'.length) : `${name}_dequantized`;
}

/**
 * `(q - zero_point) * scale` as onnxruntime computes it: the difference rounded to float32, then
 * the float32 product (int32 values beyond 2^24 round first).
 */
function dequantizeInt32(dq: Node, q: Tensor, scale: Tensor, zeroPoint: Tensor | undefined): Tensor {
  const axis = linearQuantAxis(q.shape, scale.shape, (dq.attrs.axis as number | undefined) ?? 1);
  if (typeof axis === 'string') throw new QtkError('onnx.qdq', `node '${dq.name}' (DequantizeLinear): ${axis}`);
  const s = scale.toNumbers();
  const z = zeroPoint?.toNumbers();
  let inner = 1;
  if (axis !== null) for (let k = axis + 1; k < q.shape.length; k++) inner *= q.shape[k] as number;
  const channels = axis === null ? 1 : (q.shape[axis] as number);
  const src = q.data as Int32Array;
  const out = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const c = Math.floor(i / inner) % channels;
    out[i] = Math.fround((src[i] as number) - (z?.[c] ?? 0)) * (s[c] as number);
  }
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new QtkError('onnx.qdq', `node '${dq.name}' (DequantizeLinear): element ${bad} dequantizes to ${out[bad]}`);
  }
  return new Tensor('float32', q.shape, out);
}

/**
 * DequantizeLinear of an integer constant. int8/int16 (a quantized weight, as onnxruntime's
 * quantization tool writes them): the dequantized float constant read through a FakeQuantize with
 * the node's scales, so `quantParamsOf` gives back the exact integers. int32 (a bias): the
 * dequantized float constant alone, since qtk quantizes biases itself at convert.
 */
function readConstant(graph: Graph, origins: NodeOrigins, dq: Node): boolean {
  const q = dq.input(0);
  const [scale, zero] = [dq.input(1), dq.inputs[2] ?? null];
  if (!scale.constant || (zero && !zero.constant)) return false;
  const integer = q.constant as Tensor;
  if (integer.dtype === 'int32') {
    const name = dq.output().name;
    const folded = graph.addConstant(`${name}__folded`, dequantizeInt32(dq, integer, scale.constant, zero?.constant));
    graph.replaceAllUses(dq.output(), folded);
    graph.removeNode(dq);
    graph.renameValue(folded, name);
    return true;
  }
  const quantization = readSymmetricQuantization(dq, q.type.shape, integer.dtype, scale.constant, zero?.constant);
  const weight = graph.addConstant(floatConstantName(q.name), dequantizeTensor(integer, quantization, `'${q.name}'`));
  replaceByFakeQuantize(graph, origins, dq, weight, quantization, [dq.name]);
  return true;
}

/**
 * Reads a QDQ model's quantization as qtk's fake quantization:
 * - `QuantizeLinear -> DequantizeLinear` (constant scales and zero points) becomes one
 *   `FakeQuantize` of Q's input with the scales (per channel with `axis`); Q stays while other
 *   nodes or the graph outputs read it;
 * - `DequantizeLinear` of an int8/int16 constant becomes the dequantized float constant (named
 *   after the integer one, `w_quantized` -> `w`) read through a `FakeQuantize`; of an int32
 *   constant (a bias), the dequantized float constant.
 * The FakeQuantize takes the DQ output's name, so readers and graph outputs are unaffected. A pair
 * or weight that is not Nash quantization (uint8, a non-zero zero point, different scales in Q and
 * DQ) is an error naming the node. Other Q/DQ nodes stay as the core ops of the same name.
 * Returns the number of FakeQuantize nodes and folded constants made.
 */
export function readQdqAsFakeQuantize(graph: Graph, origins: NodeOrigins): number {
  let made = 0;
  for (const dq of [...graph.nodes]) {
    if (dq.op !== 'DequantizeLinear' || dq.domain !== '') continue;
    const x = dq.input(0);
    const q = x.producer;
    if (q?.op === 'QuantizeLinear' && q.domain === '') {
      if (readPair(graph, origins, q, dq)) made++;
    } else if (x.constant && readConstant(graph, origins, dq)) {
      made++;
    }
  }
  return made;
}
