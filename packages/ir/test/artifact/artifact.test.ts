import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ARTIFACT_HEADER_BYTES,
  decodeArtifact,
  encodeArtifact,
  formatGraph,
  Graph,
  LayerNorm,
  Linear,
  loadArtifact,
  Module,
  manualSeed,
  randn,
  type SymbolicTensor,
  saveArtifact,
  Tensor,
  tensorsIdentical,
  trace,
  verifyGraph,
} from '../../src/index.js';

class Tiny extends Module {
  fc = new Linear(4, 3);
  norm = new LayerNorm(3);
  forward(x: SymbolicTensor) {
    return this.norm.call(this.fc.call(x)).softmax(-1);
  }
}

function sample(): Graph {
  manualSeed(3);
  const g = trace(new Tiny(), randn(2, 4), { inputNames: ['x'], outputNames: ['probs'] });
  g.metadata.source = 'unit test';
  // Attributes of every kind, symbolic dims and int64/bool constants must survive.
  const x = g.addInput('extra', { dtype: 'float32', shape: ['batch', 3] });
  const shape = g.addConstant('shape', Tensor.int64([2], [-1, 3]));
  const r = g.addNode({ op: 'Reshape', name: 'reshape', inputs: [x, shape] });
  const t = g.addNode({ op: 'Transpose', name: 'tr', inputs: [r.output()], attrs: { perm: [1, 0] } });
  const gelu = g.addNode({ op: 'Gelu', name: 'gelu', inputs: [t.output()], attrs: { approximate: 'tanh' } });
  g.addConstant('mask', new Tensor('bool', [2], Uint8Array.of(1, 0)));
  gelu.annotations = { unit: 'vae', fallback: 'no' };
  g.setOutputs([...g.outputs, gelu.output()]);
  return g;
}

describe('.qtk artifact', () => {
  it('round-trips a graph exactly: structure, types, attributes, weights, metadata', () => {
    const g = sample();
    const back = decodeArtifact(encodeArtifact({ kind: 'float', graph: g, metadata: { producer: 'test' } }));
    expect(back.kind).toBe('float');
    expect(back.metadata).toEqual({ producer: 'test' });
    expect(formatGraph(back.graph)).toBe(formatGraph(g));
    expect(back.graph.metadata).toEqual(g.metadata);
    for (const c of g.constants) {
      expect(tensorsIdentical(back.graph.value(c.name).constant!, c.constant!)).toBe(true);
    }
    expect(back.graph.findNode('tr')?.attrs).toEqual({ perm: [1, 0] });
    verifyGraph(back.graph);
  });

  it('carries named sections of higher packages, sorted, and omits them when empty', () => {
    const sections = { 'qtk.z': Uint8Array.of(3), 'qtk.a': new TextEncoder().encode('{"x":1}') };
    const bytes = encodeArtifact({ kind: 'qat', graph: sample(), metadata: {}, sections });
    const back = decodeArtifact(bytes);
    expect(Object.keys(back.sections ?? {})).toEqual(['qtk.a', 'qtk.z']);
    expect(Array.from(back.sections?.['qtk.z'] ?? [])).toEqual([3]);
    expect(decodeArtifact(encodeArtifact({ kind: 'float', graph: sample(), metadata: {} })).sections).toBeUndefined();
  });

  it('encodes deterministically', () => {
    const a = encodeArtifact({ kind: 'float', graph: sample(), metadata: { b: '2', a: '1' } });
    const b = encodeArtifact({ kind: 'float', graph: sample(), metadata: { a: '1', b: '2' } });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('saves atomically and loads from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qtk-artifact-'));
    const path = join(dir, 'model.qtk');
    await saveArtifact(path, { kind: 'float', graph: sample(), metadata: {} });
    const back = await loadArtifact(path);
    expect(back.graph.outputs.map((v) => v.name)).toEqual(['probs', 'gelu']);
  });

  it('rejects a file that is not an artifact, of another version, truncated or corrupt', async () => {
    const bytes = encodeArtifact({ kind: 'float', graph: sample(), metadata: {} });
    expect(() => decodeArtifact(new TextEncoder().encode('hello world, not a model'), { source: 'x.qtk' })).toThrow(
      /^x\.qtk: not a valid qtk artifact \(it does not start with the \.qtk header\)$/,
    );
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(4, 99, true);
    expect(() => decodeArtifact(newer, { source: 'new.qtk' })).toThrow(
      /new\.qtk: \.qtk format version 99 is not supported \(this qtk reads version 1\); it was written by a newer qtk/,
    );
    expect(() => decodeArtifact(bytes.slice(0, bytes.length - 10), { source: 't.qtk' })).toThrow(/t\.qtk: .*truncated/);
    const corrupt = bytes.slice();
    corrupt[ARTIFACT_HEADER_BYTES + 40] = (corrupt[ARTIFACT_HEADER_BYTES + 40] as number) ^ 0xff;
    expect(() => decodeArtifact(corrupt, { source: 'c.qtk' })).toThrow(/c\.qtk: .*checksum mismatch/);

    const dir = mkdtempSync(join(tmpdir(), 'qtk-artifact-'));
    writeFileSync(join(dir, 'empty.qtk'), '');
    await expect(loadArtifact(join(dir, 'empty.qtk'))).rejects.toThrow(/empty\.qtk: not a valid qtk artifact/);
    await expect(loadArtifact(join(dir, 'missing.qtk'))).rejects.toThrow(/missing\.qtk: cannot read \(ENOENT\)/);
    expect(readFileSync(join(dir, 'empty.qtk')).length).toBe(0);
  });

  it('reports a payload whose checksum is right but whose graph is inconsistent', () => {
    const g = new Graph();
    const x = g.addInput('x', { dtype: 'float32', shape: [2] });
    const r = g.addNode({ op: 'Relu', name: 'r', inputs: [x] });
    g.setOutputs([r.output()]);
    // Make the node read a value of another graph: encoding writes its name, which the file never defines.
    const stray = new Graph().addInput('y', { dtype: 'float32', shape: [2] });
    r.setInput(0, stray);
    const bytes = encodeArtifact({ kind: 'float', graph: g, metadata: {} });
    expect(() => decodeArtifact(bytes, { source: 'bad.qtk' })).toThrow(
      /^bad\.qtk: not a valid qtk artifact \(node 'r' reads 'y', which is not defined before it\)$/,
    );
  });
});
