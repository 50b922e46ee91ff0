import { backendRegistry } from '@qtk/backend';
import type { Node } from '@qtk/ir';
import { describe, expect, it } from 'vitest';
import '@qtk/backend-nash-m';
import '../src/index.js';
import { articleQat, type ModelSource } from '@qtk/test-scenarios';

const readers = (node: Node) => node.output().uses.map((u) => u.node);

/** The converted graph as op, dtype and unit per node, for comparing structures across backends. */
const structure = (nodes: readonly Node[]) =>
  nodes.map((n) => `${n.name}=${n.qualifiedOp}:${n.outputs.map((o) => o.type.dtype).join('|')}@${n.annotations.unit}`);

describe.each(['ts', 'onnx'] as ModelSource[])('the article on nash-h, %s-built models', (source) => {
  it('case 2: linear2 writes float32 (y, no Dequantize) and a VPU Quantize feeds linear3', async () => {
    const { artifact } = await articleQat('case2', source, 'int8', 'nash-h');
    const q = backendRegistry.convert(artifact, 'nash-h').graph;
    const linear2 = q.findNode('linear2') as Node;
    expect(linear2.qualifiedOp).toBe('qtk::Linear');
    expect(linear2.output().type.dtype).toBe('float32');
    const after = readers(linear2);
    expect(after.map((n) => n.qualifiedOp)).toEqual(['qtk::Quantize']);
    expect(after[0]?.annotations.unit).toBe('vpu');
    expect(readers(after[0] as Node).map((n) => n.name)).toEqual(['linear3']);
    expect(q.outputs.find((o) => o.name === 'y')?.producer).toBe(linear2);
    expect(q.nodes.some((n) => n.op === 'Dequantize')).toBe(false);
    // linear3 ends the model as in case 1, written as float32 directly.
    expect(q.outputs.find((o) => o.name === 'z')?.producer?.name).toBe('linear3');
  });

  it('case 2 with integerConv: the nash-m structure (int32, Dequantize, Rescale)', async () => {
    const { artifact } = await articleQat('case2', source, 'int8', 'nash-h');
    const h = backendRegistry.convert(artifact, 'nash-h', { integerConv: true }).graph;
    const m = backendRegistry.convert(artifact, 'nash-m').graph;
    expect(structure(h.nodes)).toEqual(structure(m.nodes));
    expect(h.findNode('linear2')?.output().type.dtype).toBe('int32');
    expect(
      readers(h.findNode('linear2') as Node)
        .map((n) => n.op)
        .sort(),
    ).toEqual(['Dequantize', 'Rescale']);
  });

  it('case 1: linear3 writes float32 directly; only the input Quantize remains besides integer ops', async () => {
    const { artifact } = await articleQat('case1', source, 'int8', 'nash-h');
    const q = backendRegistry.convert(artifact, 'nash-p').graph;
    expect(q.findNode('linear3')?.output().type.dtype).toBe('float32');
    expect(q.outputs[0]?.producer?.name).toBe('linear3');
    expect(q.nodes.filter((n) => n.op === 'Quantize').length).toBe(1);
  });
});
