import { backendRegistry, measureGemmConsistency } from '@qtk/backend';
import { cosineSimilarity, type Node, type Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import { fixturePath, readFixtureTensor } from '@qtk/test-fixtures';
import { articleQat, type ModelSource } from '@qtk/test-scenarios';
import { describe, expect, it } from 'vitest';
import '../src/index.js';

const readers = (node: Node) => node.output().uses.map((u) => u.node);
const isFloatCompute = (n: Node) =>
  n.domain === '' && n.outputs.some((o) => o.type.dtype === 'float32') && !['Identity'].includes(n.op);

describe.each(['ts', 'onnx'] as ModelSource[])('the article on nash-m, %s-built models', (source) => {
  it('case 1: linear3 writes int32, followed by exactly one Dequantize; no other float op', async () => {
    const { artifact } = await articleQat('case1', source);
    const q = backendRegistry.convert(artifact, 'nash-m').graph;
    const linear3 = q.findNode('linear3') as Node;
    expect(linear3.qualifiedOp).toBe('qtk::Linear');
    expect(linear3.output().type.dtype).toBe('int32');
    expect(linear3.annotations.unit).toBe('tae');
    const after = readers(linear3);
    expect(after.map((n) => n.qualifiedOp)).toEqual(['qtk::Dequantize']);
    expect(after[0]?.output()).toBe(q.outputs[0]);
    expect(after[0]?.annotations.unit).toBe('cpu');
    expect(q.nodes.filter(isFloatCompute).map((n) => n.name)).toEqual([]);
    expect(q.nodes.filter((n) => n.op === 'Dequantize')).toHaveLength(1);
    expect(q.nodes.filter((n) => n.op === 'Quantize').map((n) => n.annotations.unit)).toEqual(['vpu']);
  });

  it('case 2: linear2 writes int32 read by one Dequantize (y) and one Rescale to linear3; no Quantize of a Dequantize', async () => {
    const { artifact } = await articleQat('case2', source);
    const q = backendRegistry.convert(artifact, 'nash-m').graph;
    const linear2 = q.findNode('linear2') as Node;
    expect(linear2.output().type.dtype).toBe('int32');
    const after = readers(linear2)
      .map((n) => n.qualifiedOp)
      .sort();
    expect(after).toEqual(['qtk::Dequantize', 'qtk::Rescale']);
    const rescale = readers(linear2).find((n) => n.op === 'Rescale') as Node;
    expect(rescale.output().type.dtype).toBe('int8');
    expect(readers(rescale).map((n) => n.name)).toEqual(['linear3']);
    // per-channel multipliers: the int32 accumulator has one scale per output channel of linear2
    expect((rescale.attrs.multipliers as number[]).length).toBe(60);
    const y = q.outputs.find((o) => o.name === 'y');
    expect(y?.producer?.op).toBe('Dequantize');
    for (const n of q.nodes.filter((n) => n.op === 'Quantize')) expect(n.input(0).producer?.op).not.toBe('Dequantize');
    expect(q.findNode('linear3')?.output().type.dtype).toBe('int32');
  });
});

describe('consistency with the fake-quant model (seed_small, nash-m)', () => {
  for (const preset of ['int16', 'int8'] as const) {
    it(`${preset}: GEMMs within 1 LSB of VALIDATION, and the model output against PyTorch's float output`, async () => {
      const { artifact, x } = await articleQat('case1', 'onnx', preset);
      const q = backendRegistry.convert(artifact, 'nash-m').graph;
      const report = measureGemmConsistency(artifact.graph, q, { x }, runGraph);
      for (const g of report) {
        console.log(
          `${preset} ${g.node} (${g.lsb} LSB): alone ${(100 * g.isolated.withinOneLsb).toFixed(3)}% within 1 LSB (max ${g.isolated.maxLsb.toFixed(2)}), ` +
            `whole model ${(100 * g.endToEnd.withinOneLsb).toFixed(3)}% (max ${g.endToEnd.maxLsb.toFixed(2)})`,
        );
        expect(g.isolated.withinOneLsb, g.node).toBeGreaterThanOrEqual(0.999);
        if (g.lsb === 'output') expect(g.endToEnd.withinOneLsb, g.node).toBeGreaterThanOrEqual(0.999);
      }
      const z = runGraph(q, { x }).outputs.z as Tensor;
      const c = cosineSimilarity(z, readFixtureTensor(fixturePath('seed_small.output.npy')));
      console.log(`${preset}: cosine of the integer model's output with PyTorch's float output: ${c.toFixed(6)}`);
      if (preset === 'int16') expect(c).toBeGreaterThanOrEqual(0.999);
      else expect(c).toBeGreaterThan(0.99);
    }, 60_000);
  }
});

describe('errors', () => {
  it('converting for an unknown march lists the registered ones', async () => {
    const { artifact } = await articleQat('case1', 'ts');
    expect(() => backendRegistry.convert(artifact, 'nash-x')).toThrow(
      /no backend for march 'nash-x'; registered marches: .*nash-e.*nash-m/,
    );
  });

  it('converting a float artifact or one never calibrated is a clear error', async () => {
    const { artifact } = await articleQat('case1', 'ts');
    expect(() => backendRegistry.convert({ ...artifact, kind: 'float' }, 'nash-m', {}, 'model.qtk')).toThrow(
      "model.qtk: convert takes a QAT artifact (from qtk calibrate), this one is 'float'",
    );
    const fq = artifact.graph.nodes.find((n) => n.op === 'FakeQuantize' && n.domain === '') as Node;
    fq.attrs = { ...fq.attrs, scales: [] };
    expect(() => backendRegistry.convert(artifact, 'nash-m', {}, 'qat.qtk')).toThrow(
      /qat\.qtk: fake quantization '.*' was never calibrated/,
    );
  });

  it('an unknown option lists what the backend takes', async () => {
    const { artifact } = await articleQat('case1', 'ts');
    expect(() => backendRegistry.convert(artifact, 'nash-m', { integerConv: true })).toThrow(
      "@qtk/backend-nash-m has no option 'integerConv' (it takes none)",
    );
  });
});
