import {
  cloneGraph,
  foldBatchNorms,
  formatShape,
  Graph,
  type Module,
  QtkError,
  type QuantDType,
  type Tensor,
  trace,
  verifyGraph,
} from '@qtk/ir';
import { createObserver, type Observer } from '@qtk/observers';
import type { March } from '../March.js';
import { PreparedModel } from '../PreparedModel.js';
import { combineSetters } from '../setters/combineSetters.js';
import type { QconfigSetter } from '../setters/QconfigSetter.js';
import { SetterContext } from '../setters/SetterContext.js';
import type { FakeQuantPoint } from './addFakeQuantize.js';
import { findActivationFusions } from './findActivationFusions.js';
import { insertFakeQuantizes } from './insertFakeQuantizes.js';
import { insertModelStubs } from './insertModelStubs.js';
import { shareObservers } from './shareObservers.js';

/** Options of {@link prepare}. */
export interface PrepareOptions {
  /** The target march (`nash-m`, ...): recorded for convert, which picks the backend. */
  march: March;
  /** One setter or a list (first wins); ops no setter sets get the default calibration template. */
  qconfigSetter: QconfigSetter | readonly QconfigSetter[];
  /** Input and output names when tracing a module (default `input`, `output`, ...). */
  inputNames?: readonly string[];
  outputNames?: readonly string[];
}

function checkExamples(graph: Graph, examples: readonly Tensor[]): void {
  if (examples.length === 0) return;
  if (examples.length !== graph.inputs.length) {
    throw new QtkError(
      'prepare.inputs',
      `the model has ${graph.inputs.length} inputs, ${examples.length} example inputs were given`,
    );
  }
  graph.inputs.forEach((input, i) => {
    const t = examples[i] as Tensor;
    const fits =
      t.shape.length === input.type.shape.length &&
      input.type.shape.every((d, k) => typeof d === 'string' || d === t.shape[k]);
    if (t.dtype !== input.type.dtype || !fits) {
      throw new QtkError(
        'prepare.inputs',
        `example input for '${input.name}' is ${t.dtype}${formatShape(t.shape)}, the model expects ${input.type.dtype}${formatShape(input.type.shape)}`,
      );
    }
  });
}

/**
 * Prepares a float model for quantization, as the vendor's `prepare`: traces it (a module) or copies
 * it (a graph), folds BatchNorm into convolutions, puts quantization at the model's inputs and
 * outputs when it has no stubs, assigns qconfigs with the setters, inserts FakeQuantize points
 * (outputs, per-channel weights, quantized constants, re-quantized inputs), makes Concat and
 * Add inputs share scales, and creates the observers. Weight scales are set at once (weights do
 * not change in calibration). The result starts in CALIBRATION.
 */
export function prepare(
  model: Module | Graph,
  exampleInputs: Tensor | readonly Tensor[],
  options: PrepareOptions,
): PreparedModel {
  const examples = Array.isArray(exampleInputs) ? (exampleInputs as readonly Tensor[]) : [exampleInputs as Tensor];
  const graph =
    model instanceof Graph
      ? cloneGraph(model)
      : trace(model, examples, {
          ...(options.inputNames ? { inputNames: options.inputNames } : {}),
          ...(options.outputNames ? { outputNames: options.outputNames } : {}),
        });
  checkExamples(graph, examples);
  foldBatchNorms(graph);
  insertModelStubs(graph);
  const fusions = findActivationFusions(graph);
  const setters = (
    Array.isArray(options.qconfigSetter) ? options.qconfigSetter : [options.qconfigSetter]
  ) as readonly QconfigSetter[];
  const decisions = combineSetters(setters, new SetterContext(graph, fusions));
  const inserted = insertFakeQuantizes(graph, decisions, fusions);
  const sharing = shareObservers(graph);
  verifyGraph(graph);

  const observers = new Map<string, Observer>();
  const points = new Map<string, FakeQuantPoint>();
  for (const p of inserted) {
    points.set(p.node.name, p);
    const id = p.node.attrs.observer as string;
    if (id !== p.node.name) continue; // shares the leader's observer
    const observer = createObserver(
      p.role === 'weight'
        ? { ...p.config.observer, ...(p.node.attrs.axis !== undefined ? { axis: p.node.attrs.axis as number } : {}) }
        : p.config.observer,
    );
    observers.set(id, observer);
    const w = p.node.inputs[0];
    if (w?.constant && !sharing.has(p.node.name)) {
      observer.observe(w.constant, `'${w.name}' (${p.node.name})`);
      p.node.attrs = { ...p.node.attrs, scales: observer.scales(p.node.attrs.dtype as QuantDType) };
    }
  }
  return new PreparedModel({
    graph,
    march: options.march,
    observers,
    decisions,
    points,
    sharing,
    setterNames: setters.map((s) => s.name),
    fusions: new Map([...fusions].map(([gemm, act]) => [gemm.name, act.name])),
  });
}
