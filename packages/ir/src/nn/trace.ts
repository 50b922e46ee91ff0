import { QtkError } from '../errors/QtkError.js';
import { Graph } from '../graph/Graph.js';
import type { Value } from '../graph/Value.js';
import { verifyGraph } from '../graph/verifyGraph.js';
import { opRegistry } from '../ops/globalOpRegistry.js';
import type { OpRegistry } from '../ops/OpRegistry.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { Module } from './Module.js';
import { SymbolicTensor } from './SymbolicTensor.js';
import { Tracer } from './Tracer.js';

/** Options of {@link trace}. */
export interface TraceOptions {
  /** Graph input names, in forward's parameter order (default `input`, `input_1`, ...). */
  inputNames?: readonly string[];
  /** Graph output names, in forward's return order (default `output`, `output_1`, ...). */
  outputNames?: readonly string[];
  /** Graph name (default: the module's class name). */
  name?: string;
  registry?: OpRegistry;
}

function defaultName(base: string, i: number): string {
  return i === 0 ? base : `${base}_${i}`;
}

/**
 * Records `module`'s forward on inputs shaped like `exampleInputs` into a {@link Graph}, as
 * `torch.jit.trace`/`torch.onnx.export` do. Node names are module paths (`linear1`, `layernorm`),
 * parameters become constants named by their state-dict path, and only dtypes and shapes of the
 * examples matter (nothing is computed).
 */
export function trace(module: Module, exampleInputs: Tensor | readonly Tensor[], options: TraceOptions = {}): Graph {
  const examples = Array.isArray(exampleInputs) ? (exampleInputs as readonly Tensor[]) : [exampleInputs as Tensor];
  const graph = new Graph(options.name ?? module.constructor.name, options.registry ?? opRegistry);
  graph.metadata.producer = 'qtk trace';
  const paths = new Map<Module, string>();
  for (const [path, m] of module.namedModules()) if (!paths.has(m)) paths.set(m, path);
  const tracer = new Tracer(graph, paths);

  const inputs = examples.map((t, i) => {
    const name = options.inputNames?.[i] ?? defaultName('input', i);
    return new SymbolicTensor(tracer, graph.addInput(name, { dtype: t.dtype, shape: t.shape }));
  });
  const result = tracer.within(module, () => module.forward(...inputs));
  const outputs = result instanceof SymbolicTensor ? [result] : [...result];
  if (outputs.length === 0 || !outputs.every((o) => o instanceof SymbolicTensor && o.tracer === tracer)) {
    throw new QtkError('nn.trace', `${module.constructor.name}.forward must return traced tensors`);
  }

  const seen = new Set<Value>();
  const values = outputs.map((o, i) => {
    let v = o.value;
    // A graph output must be its own value: give a re-used, input or constant value an Identity.
    if (seen.has(v) || !v.producer)
      v = graph.addNode({ op: 'Identity', name: `output_identity_${i}`, inputs: [v] }).output();
    seen.add(v);
    const wanted = options.outputNames?.[i] ?? defaultName('output', i);
    if (v.name !== wanted) {
      const holder = graph.findValue(wanted);
      if (holder && !holder.producer) {
        throw new QtkError('nn.trace', `output name '${wanted}' is already the name of an input or parameter`);
      }
      if (holder) graph.renameValue(holder, graph.uniqueValueName(`${wanted}_inner`));
      graph.renameValue(v, wanted);
    }
    return v;
  });
  graph.setOutputs(values);
  verifyGraph(graph);
  return graph;
}
