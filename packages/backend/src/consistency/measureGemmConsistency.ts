import { Graph, type Node, QTK_DOMAIN, Tensor, type Value } from '@qtk/ir';
import type { RunHooks } from '@qtk/qconfig';

/** Runs a graph (the simulator's `runGraph` fits): outputs by name, hooks called after each node. */
export type GraphRunner = (
  graph: Graph,
  feeds: Readonly<Record<string, Tensor>>,
  options?: { hooks?: RunHooks },
) => { outputs: Record<string, Tensor> };

/** Agreement of one tensor with its reference, in LSB. */
export interface LsbAgreement {
  /** Share of elements within 1 LSB. */
  readonly withinOneLsb: number;
  /** Largest difference, in LSB. */
  readonly maxLsb: number;
}

/** How close one converted GEMM is to the fake-quant model. */
export interface GemmConsistency {
  readonly node: string;
  /** `output` (requantized int8/int16: the output scale) or `accumulator` (int32/float32: s_in s_w[c]). */
  readonly lsb: 'output' | 'accumulator';
  readonly elements: number;
  /**
   * The converted GEMM run on exactly the fake-quant model's (integer) inputs: the backend's
   * arithmetic against the fake-quant arithmetic, the vendor's "within 1 LSB" promise.
   */
  readonly isolated: LsbAgreement;
  /**
   * Both whole models run on the same feeds: differences upstream (a table's rounding, say) add
   * up here. For accumulator LSBs (tiny) the end-to-end number says little; see `isolated`.
   */
  readonly endToEnd: LsbAgreement;
}

function captureAll(run: GraphRunner, graph: Graph, feeds: Readonly<Record<string, Tensor>>): Map<string, Tensor> {
  const seen = new Map<string, Tensor>();
  run(graph, feeds, {
    hooks: {
      afterNode: (e) => {
        e.node.outputs.forEach((v, i) => {
          const t = e.outputs[i];
          if (t) seen.set(v.name, t);
        });
        return undefined;
      },
    },
  });
  for (const v of graph.inputs) if (feeds[v.name]) seen.set(v.name, feeds[v.name] as Tensor);
  return seen;
}

/** The QAT tensor a converted GEMM's output stands for: its output point's, or its own (high precision). */
function referenceValue(qat: Graph, name: string, requantized: boolean): string | undefined {
  const node = qat.findNode(name);
  if (!node) return undefined;
  if (!requantized) return node.output().name;
  let v = node.output();
  for (let hops = 0; hops < 2; hops++) {
    const reader = v.uses.length === 1 ? (v.uses[0]?.node as Node) : undefined;
    if (!reader) return undefined;
    if (reader.op === 'FakeQuantize') return reader.output().name;
    v = reader.output();
  }
  return undefined;
}

/** Half the distance between consecutive float32 values around `x`. */
function halfUlp32(x: number): number {
  const a = Math.abs(x);
  return a < 2 ** -126 ? 2 ** -150 : 2 ** (Math.floor(Math.log2(a)) - 24);
}

/** Fake-quantized float values back to the integers they stand for. */
function toIntegers(t: Tensor, scale: number, dtype: 'int8' | 'int16'): Tensor {
  const out = Tensor.zeros(dtype, t.shape);
  for (let i = 0; i < t.size; i++) (out.data as Int16Array)[i] = Math.round((t.data[i] as number) / scale);
  return out;
}

/** Runs one converted GEMM alone on given integer inputs. */
function runAlone(run: GraphRunner, node: Node, inputs: readonly Tensor[]): Tensor {
  const g = new Graph('isolated');
  const feeds: Record<string, Tensor> = {};
  const values: (Value | null)[] = node.inputs.map((v, i) => {
    if (!v) return null;
    if (v.constant) return g.addConstant(v.name, v.constant);
    const t = inputs[i] as Tensor;
    feeds[`in${i}`] = t;
    return g.addInput(`in${i}`, { dtype: t.dtype, shape: t.shape });
  });
  const copy = g.addNode({
    op: node.op,
    domain: node.domain,
    name: node.name,
    inputs: values,
    attrs: { ...node.attrs },
  });
  g.setOutputs([copy.output()]);
  return run(g, feeds).outputs[node.name] as Tensor;
}

/**
 * Compares every converted GEMM (`qtk` Linear, Conv, MatMul, ConvTranspose) with the fake-quant tensor it stands
 * for (the QAT graph in VALIDATION), in LSB: once alone on the fake-quant model's own inputs, once
 * as part of both whole models run on the same feeds.
 */
export function measureGemmConsistency(
  qat: Graph,
  quantized: Graph,
  feeds: Readonly<Record<string, Tensor>>,
  run: GraphRunner,
): GemmConsistency[] {
  const ref = captureAll(run, qat, feeds);
  const got = captureAll(run, quantized, feeds);
  const out: GemmConsistency[] = [];
  for (const node of quantized.nodes) {
    if (node.domain !== QTK_DOMAIN || !['Linear', 'Conv', 'MatMul', 'ConvTranspose'].includes(node.op)) continue;
    const dtype = node.attrs.out_dtype as string;
    const requantized = dtype === 'int8' || dtype === 'int16';
    const qatNode = qat.findNode(node.name);
    const refName = referenceValue(qat, node.name, requantized);
    const r = refName ? ref.get(refName) : undefined;
    const q = got.get(node.output().name);
    if (!r || !q || !qatNode) continue;
    const sx = (node.attrs.input_scale as number[])[0] as number;
    const sw = node.attrs.weight_scales as number[];
    const shape = q.shape;
    const channelsFirst = node.op === 'Conv' || node.op === 'ConvTranspose';
    const channels = channelsFirst ? (shape[1] as number) : (shape[shape.length - 1] as number);
    const inner = channelsFirst ? shape.slice(2).reduce((a, b) => a * b, 1) : 1;
    const lsbOf = (i: number): number => {
      if (requantized) return (node.attrs.output_scale as number[])[0] as number;
      const c = sw.length === 1 ? 0 : Math.floor(i / inner) % channels;
      return sx * (sw[c] as number);
    };
    const agreement = (t: Tensor): LsbAgreement => {
      let within = 0;
      let max = 0;
      for (let i = 0; i < t.size; i++) {
        const lsb = lsbOf(i);
        const value = dtype === 'float32' ? (t.data[i] as number) / lsb : (t.data[i] as number);
        // A requantized reference is a whole number of steps, up to float32 rounding: take that number.
        const reference = requantized ? Math.round((r.data[i] as number) / lsb) : (r.data[i] as number) / lsb;
        const d = Math.abs(value - reference);
        // A float32 reference is itself only good to half its ulp: with int16 inputs the
        // accumulator's LSB (s_in s_w) can be finer than that.
        const resolution = requantized ? 0 : halfUlp32(r.data[i] as number) / lsb;
        if (d <= 1 + resolution + 1e-9) within++;
        if (d > max) max = d;
      }
      return { withinOneLsb: within / t.size, maxLsb: max };
    };
    const inDtype = node.input(0).type.dtype as 'int8' | 'int16';
    const inputs = [toIntegers(ref.get(qatNode.input(0).name) as Tensor, sx, inDtype)];
    if (node.op === 'MatMul') {
      const sb = sw[0] as number;
      inputs.push(
        toIntegers(ref.get(qatNode.input(1).name) as Tensor, sb, node.input(1).type.dtype as 'int8' | 'int16'),
      );
    }
    out.push({
      node: node.name,
      lsb: requantized ? 'output' : 'accumulator',
      elements: q.size,
      isolated: agreement(runAlone(run, node, inputs)),
      endToEnd: agreement(q),
    });
  }
  return out;
}
