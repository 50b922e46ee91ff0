import { coreOps, Graph, type Kernel, type OpDefinition, OpRegistry, QtkError, Tensor } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import { evaluateNode, type NodeRunEvent, runGraph } from '../src/index.js';

const f32 = (shape: number[], values: number[]) => Tensor.float32(shape, values);

/** x [batch, 3] -> relu -> add(relu, relu) -> z; y [batch, 3] is a second input, also an output. */
function twoInputGraph(): Graph {
  const g = new Graph('demo');
  const x = g.addInput('x', { dtype: 'float32', shape: ['batch', 3] });
  const y = g.addInput('y', { dtype: 'float32', shape: ['batch', 3] });
  const r = g.addNode({ op: 'Relu', name: 'relu', inputs: [x] }).output();
  const s = g.addNode({ op: 'Add', name: 'sum', inputs: [r, y] }).output();
  const z = g.addNode({ op: 'Add', name: 'twice', inputs: [s, r], outputs: ['z'] }).output();
  g.setOutputs([z, y]);
  return g;
}

describe('runGraph feeds', () => {
  const g = twoInputGraph();
  const ok = { x: f32([1, 3], [-1, 2, 3]), y: f32([1, 3], [10, 20, 30]) };

  it('runs and returns outputs by name, a graph input among them', () => {
    const { outputs, events } = runGraph(g, ok);
    // relu = [0, 2, 3]; sum = [10, 22, 33]; twice = sum + relu = [10, 24, 36]
    expect(outputs.z?.toNumbers()).toEqual([10, 24, 36]);
    expect(outputs.y).toBe(ok.y);
    expect(Object.keys(events)).toEqual([]);
  });

  it('binds a symbolic dim to the first size seen (any size works)', () => {
    const { outputs } = runGraph(g, { x: f32([2, 3], [1, 1, 1, 2, 2, 2]), y: f32([2, 3], [0, 0, 0, 0, 0, 0]) });
    expect(outputs.z?.shape).toEqual([2, 3]);
  });

  it('rejects a missing input with its expected type', () => {
    expect(() => runGraph(g, { x: ok.x })).toThrow(
      new QtkError('simulator.feed', "missing input 'y': expected float32[batch,3]"),
    );
  });

  it('rejects an unknown input, listing the inputs', () => {
    expect(() => runGraph(g, { ...ok, w: ok.x })).toThrow(
      "unknown input 'w'; graph 'demo' has inputs x: float32[batch,3], y: float32[batch,3]",
    );
  });

  it('rejects a wrong dtype with both types', () => {
    const bad = new Tensor('float64', [1, 3], Float64Array.of(1, 2, 3));
    expect(() => runGraph(g, { ...ok, x: bad })).toThrow(
      "input 'x': expected dtype float32[batch,3], got float64[1,3]",
    );
  });

  it('rejects a wrong shape with both shapes', () => {
    expect(() => runGraph(g, { ...ok, x: f32([1, 4], [1, 2, 3, 4]) })).toThrow(
      "input 'x': expected shape float32[batch,3], got float32[1,4] (dim 1)",
    );
    expect(() => runGraph(g, { ...ok, x: f32([3], [1, 2, 3]) })).toThrow(
      "input 'x': expected shape float32[batch,3] (rank 2), got float32[3]",
    );
  });

  it('rejects a symbolic dim fed two sizes, naming where it was bound', () => {
    expect(() => runGraph(g, { x: ok.x, y: f32([2, 3], [1, 2, 3, 4, 5, 6]) })).toThrow(
      "input 'y': expected shape float32[batch,3] with batch = 1 (from input 'x'), got float32[2,3] (dim 0)",
    );
  });

  it('rejects something that is not a tensor', () => {
    const fake = { dtype: 'float32', shape: [1, 3], data: [1, 2, 3] } as unknown as Tensor;
    expect(() => runGraph(g, { ...ok, x: fake })).toThrow("input 'x' is not a tensor: expected float32[batch,3]");
  });

  it('every feed error is a one-line QtkError', () => {
    try {
      runGraph(g, {});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QtkError);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});

describe('runGraph outputs', () => {
  it('returns a constant that is a graph output', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [1] });
    const c = g.addConstant('c', f32([2], [4, 5]));
    g.setOutputs([g.addNode({ op: 'Relu', inputs: [x], outputs: ['r'] }).output(), c]);
    const { outputs } = runGraph(g, { x: f32([1], [-1]) });
    expect(outputs.c?.toNumbers()).toEqual([4, 5]);
    expect(outputs.r?.toNumbers()).toEqual([0]);
  });

  it('does not let an output name such as __proto__ touch the result object', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [1] });
    g.setOutputs([g.addNode({ op: 'Relu', inputs: [x], outputs: ['__proto__'] }).output()]);
    const { outputs } = runGraph(g, { x: f32([1], [3]) });
    expect(Object.keys(outputs)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(outputs, '__proto__')?.value).toBeInstanceOf(Tensor);
  });
});

describe('runGraph hooks', () => {
  it('afterNode sees every node in order with its inputs and outputs', () => {
    const g = twoInputGraph();
    const seen: NodeRunEvent[] = [];
    runGraph(
      g,
      { x: f32([1, 3], [-1, 2, 3]), y: f32([1, 3], [10, 20, 30]) },
      {
        hooks: {
          afterNode(e) {
            seen.push(e);
          },
        },
      },
    );
    expect(seen.map((e) => e.node.name)).toEqual(['relu', 'sum', 'twice']);
    expect(seen[1]?.inputs.map((t) => t?.toNumbers())).toEqual([
      [0, 2, 3],
      [10, 20, 30],
    ]);
    expect(seen[2]?.outputs[0]?.toNumbers()).toEqual([10, 24, 36]);
  });

  it('afterNode can replace outputs, and later nodes read the replacement', () => {
    const g = twoInputGraph();
    const { outputs } = runGraph(
      g,
      { x: f32([1, 3], [-1, 2, 3]), y: f32([1, 3], [10, 20, 30]) },
      { hooks: { afterNode: (e) => (e.node.name === 'relu' ? [f32([1, 3], [1, 1, 1])] : undefined) } },
    );
    // relu replaced by [1,1,1]: sum = [11, 21, 31]; twice = [12, 22, 32]
    expect(outputs.z?.toNumbers()).toEqual([12, 22, 32]);
  });

  it('a replacement of the wrong shape is an error naming the node', () => {
    const g = twoInputGraph();
    expect(() =>
      runGraph(
        g,
        { x: f32([1, 3], [-1, 2, 3]), y: f32([1, 3], [10, 20, 30]) },
        { hooks: { afterNode: () => [f32([2], [1, 1])] } },
      ),
    ).toThrow(
      "node 'relu' (Relu): the afterNode hook gave float32[2] for output 'relu', the graph says float32[batch,3]",
    );
  });
});

/** A backend-style op with its own kernel: clamps to [-1, 1] and counts what it clamped. */
const saturate: Kernel = (ctx) => {
  const x = ctx.inputs[0] as Tensor<'float32'>;
  const out = x.clone();
  let clamped = 0;
  for (let i = 0; i < out.data.length; i++) {
    const v = out.data[i] as number;
    if (Math.abs(v) > 1) {
      out.data[i] = Math.sign(v);
      clamped++;
    }
  }
  if (clamped > 0) ctx.count('saturation', clamped);
  ctx.count('calls');
  return [out];
};

const Saturate: OpDefinition = {
  op: 'Saturate',
  domain: 'test.backend',
  summary: 'Clamps to [-1, 1].',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attributes: {},
  inferTypes: (ctx) => [ctx.requireInput(0)],
  kernel: saturate,
};

const NoKernel: OpDefinition = { ...Saturate, op: 'NoKernel', kernel: undefined };

describe('ops outside the core set', () => {
  const registry = new OpRegistry([...coreOps, Saturate, NoKernel]);

  it('run the kernel of their definition, and their counted events are reported per node', () => {
    const g = new Graph('backend', registry);
    const x = g.addInput('x', { dtype: 'float32', shape: [4] });
    const a = g.addNode({ op: 'Saturate', domain: 'test.backend', name: 'sat1', inputs: [x] }).output();
    const b = g.addNode({ op: 'Saturate', domain: 'test.backend', name: 'sat2', inputs: [a] }).output();
    g.setOutputs([b]);
    const { outputs, events } = runGraph(g, { x: f32([4], [-3, 0.5, 2, 7]) });
    expect(outputs[b.name]?.toNumbers()).toEqual([-1, 0.5, 1, 1]);
    expect(events).toEqual({ sat1: { saturation: 3, calls: 1 }, sat2: { calls: 1 } });
  });

  it('without a kernel are an error naming the node and op', () => {
    const g = new Graph('backend', registry);
    const x = g.addInput('x', { dtype: 'float32', shape: [1] });
    g.setOutputs([g.addNode({ op: 'NoKernel', domain: 'test.backend', name: 'nk', inputs: [x] }).output()]);
    expect(() => runGraph(g, { x: f32([1], [1]) })).toThrow(
      "node 'nk': op 'test.backend::NoKernel' has no kernel in the simulator or in its definition",
    );
  });
});

describe('evaluateNode', () => {
  it('computes a node from given tensors, as a constant folder calls it', () => {
    const g = new Graph();
    const a = g.addConstant('a', Tensor.int64([2], [2, 3]));
    const b = g.addConstant('b', Tensor.int64([1], [4]));
    const node = g.addNode({ op: 'Mul', inputs: [a, b] });
    const [y] = evaluateNode(node, [a.constant as Tensor, b.constant as Tensor]);
    expect(y?.dtype).toBe('int64');
    expect(y?.toNumbers()).toEqual([8, 12]);
  });
});
