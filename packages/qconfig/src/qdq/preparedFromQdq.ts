import { cloneGraph, type Graph, QtkError, quantParamsOf, verifyGraph } from '@qtk/ir';
import { createObserver, type Observer } from '@qtk/observers';
import { FakeQuantState } from '../FakeQuantState.js';
import type { March } from '../March.js';
import { PreparedModel } from '../PreparedModel.js';
import { findActivationFusions } from '../prepare/findActivationFusions.js';
import { insertModelStubs } from '../prepare/insertModelStubs.js';
import { qdqDecisions } from './qdqDecisions.js';
import { qdqPoints } from './qdqPoints.js';
import { removeIdentities } from './removeIdentities.js';

/** Options of {@link preparedFromQdq}. */
export interface PreparedFromQdqOptions {
  /** The target march, recorded for convert. */
  march: March;
  /** Names the QDQ model in errors and in the decisions' rules (default: the graph's `metadata.source`). */
  source?: string;
}

/** Names the setter column of qconfig tables for models whose quantization came from a QDQ file. */
export const QDQ_SETTER_NAME = 'qdq';

/**
 * A prepared model, in VALIDATION, from a graph imported from a QDQ ONNX model (`@qtk/onnx`'s
 * import turns its Q/DQ nodes into FakeQuantize points with the file's scales), so that a model
 * quantized elsewhere (PyTorch, onnxruntime's quantization tool) gets a QAT artifact
 * ({@link exportQat}) and a qconfig table and can be converted by qtk's backends.
 *
 * Like {@link prepare} it quantizes the model between QuantStubs after its inputs and DeQuantStubs
 * before its outputs (unless the graph has stubs; Identity nodes, which is how a QDQ file writes
 * stubs, are removed first), but assigns nothing: every FakeQuantize keeps the
 * scales of the file, with a fixed-scale observer holding them (per channel for per-channel
 * weights), and every op's decision is read off the points around it, its rule saying the scales
 * came from the QDQ model. A graph without fake quantization (a float model: use `prepare`), with
 * Q/DQ nodes import could not read as fake quantization, or with an uncalibrated FakeQuantize is an
 * error naming the model and the node.
 */
export function preparedFromQdq(qdq: Graph, options: PreparedFromQdqOptions): PreparedModel {
  const source = options.source ?? qdq.metadata.source ?? 'the QDQ model';
  const graph = cloneGraph(qdq);
  const standalone = graph.nodes.find((n) => n.op === 'QuantizeLinear' || n.op === 'DequantizeLinear');
  if (standalone) {
    throw new QtkError(
      'qdq.unsupported',
      `${source}: node '${standalone.name}' (${standalone.op}) is no QuantizeLinear/DequantizeLinear pair with constant scales; a QAT artifact states quantization as fake quantization only`,
    );
  }
  const fakeQuantizes = graph.nodes.filter((n) => n.op === 'FakeQuantize');
  if (fakeQuantizes.length === 0) {
    throw new QtkError(
      'qdq.float',
      `${source}: the model has no QuantizeLinear/DequantizeLinear: it is a float model, which prepare quantizes`,
    );
  }
  for (const fq of fakeQuantizes) {
    quantParamsOf(fq, graph.registry.attributesOf(fq)); // an uncalibrated point names itself
    fq.attrs = { ...fq.attrs, enabled: 1, observer: fq.name };
  }
  removeIdentities(graph);
  insertModelStubs(graph);
  const fusions = findActivationFusions(graph);
  const fusedInto = new Map([...fusions].map(([gemm, act]) => [act, gemm]));
  const points = qdqPoints(graph, fusedInto);
  verifyGraph(graph);
  const observers = new Map<string, Observer>(points.map((p) => [p.node.name, createObserver(p.config.observer)]));
  return new PreparedModel({
    graph,
    march: options.march,
    observers,
    decisions: qdqDecisions(graph, points, fusions, source),
    points: new Map(points.map((p) => [p.node.name, p])),
    sharing: new Map(),
    setterNames: [QDQ_SETTER_NAME],
    fusions: new Map([...fusions].map(([gemm, act]) => [gemm.name, act.name])),
    state: FakeQuantState.VALIDATION,
  });
}
