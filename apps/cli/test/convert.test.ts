import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import '@qtk/backend-nash-m';
import '@qtk/backend-nash-h';
import { backendRegistry } from '@qtk/backend';
import { type Artifact, cosineSimilarity, encodeArtifact, loadArtifact, numel, type Tensor } from '@qtk/ir';
import { exportVisualizeOnnx } from '@qtk/onnx';
import { runGraph } from '@qtk/simulator';
import { fixturePath, readFixtureTensor } from '@qtk/test-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InspectReport, NodeReport } from '../src/inspect/InspectReport.js';
import { readNpyFile } from '../src/io/npy/npyFile.js';
import { calibrateSeedTwoOutputs } from './support/calibratedArtifact.js';
import { attributeText, decodeOnnx } from './support/decodeOnnx.js';
import { runCli } from './support/runCli.js';
import { useTempDir } from './support/tempDir.js';

const input = fixturePath('seed_small.input.npy');
const bytesOf = (t: Tensor) => Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);

async function inspectJson(path: string): Promise<InspectReport> {
  const r = await runCli('inspect', path, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as InspectReport;
}

/** The nodes that read `node`'s first output. */
const readersOf = (report: InspectReport, node: NodeReport) =>
  report.nodes.filter((n) => n.inputs.some((v) => v?.name === node.outputs[0]?.name));
const nodeNamed = (report: InspectReport, name: string) => report.nodes.find((n) => n.name === name) as NodeReport;

/** A node as `name op unit dtype`, to compare structures. */
const structure = (report: InspectReport) =>
  report.nodes.map((n) => `${n.name} ${n.op} ${n.unit} ${n.outputs.map((o) => o.dtype).join(',')}`);

describe('the article’s second model: calibrate, then convert, inspect, run and visualize', () => {
  const tmp = useTempDir();
  let qat = '';
  let qatArtifact: Artifact;
  const x = readFixtureTensor(input);

  beforeAll(async () => {
    qat = await calibrateSeedTwoOutputs(tmp());
    qatArtifact = await loadArtifact(qat);
  });

  describe('nash-m', () => {
    let quantized = '';

    beforeAll(async () => {
      quantized = join(tmp(), 'm', 'q.qtk');
      const r = await runCli('convert', qat, '--march', 'nash-m', '--out', quantized);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      // The article's case 2 on nash-m: three GEMMs on the TAE; Quantize and LayerNorm on the VPU;
      // ReLU and the Rescale of linear2's int32 output on the VAE; the two Dequantizes on the host.
      expect(r.stdout).toBe(
        `Converted ${qat} for nash-m\n` +
          '  march:    nash-m\n' +
          '  backend:  @qtk/backend-nash-m\n' +
          'Nodes per unit (9):\n  tae  3\n  vae  2\n  vpu  2\n  cpu  2\n' +
          'Fallbacks: none\nWarnings: none\n' +
          `Wrote ${quantized}\n`,
      );
    });

    it('writes exactly what the registry converts, recording march and backend', async () => {
      const library = backendRegistry.convert(qatArtifact, 'nash-m', {}, qat);
      expect((await readFile(quantized)).equals(Buffer.from(encodeArtifact(library)))).toBe(true);
      const written = await loadArtifact(quantized);
      expect(written.kind).toBe('quantized');
      expect(written.metadata).toMatchObject({ march: 'nash-m', backend: '@qtk/backend-nash-m' });
    });

    it('inspect --json: linear2 writes int32 on the TAE, read by a Rescale (VAE) and a Dequantize (CPU)', async () => {
      const report = await inspectJson(quantized);
      expect(report.model.artifactKind).toBe('quantized');
      const linear2 = nodeNamed(report, 'linear2');
      expect([linear2.op, linear2.unit, linear2.fallback, linear2.outputs[0]?.dtype]).toEqual([
        'qtk::Linear',
        'tae',
        false,
        'int32',
      ]);
      expect(linear2.inputs.map((v) => v?.dtype)).toEqual(['int8', 'int8', 'int32']);
      expect(linear2.macs).toBe(2 * 100 * 60 * 256);
      const readers = readersOf(report, linear2).map((n) => [n.op, n.unit, n.outputs[0]?.dtype]);
      expect(readers.sort()).toEqual([
        ['qtk::Dequantize', 'cpu', 'float32'],
        ['qtk::Rescale', 'vae', 'int8'],
      ]);
      const rescale = readersOf(report, linear2).find((n) => n.op === 'qtk::Rescale') as NodeReport;
      expect(readersOf(report, rescale).map((n) => n.name)).toEqual(['linear3']);
      expect(report.nodes.every((n) => n.unit !== null)).toBe(true);
      expect(report.opCounts).toEqual({
        Relu: 1,
        'qtk::Dequantize': 2,
        'qtk::LayerNorm': 1,
        'qtk::Linear': 3,
        'qtk::Quantize': 1,
        'qtk::Rescale': 1,
      });
      expect(report.conversion).toEqual({
        march: 'nash-m',
        backend: '@qtk/backend-nash-m',
        options: {},
        nodesPerUnit: { tae: 3, vae: 2, vpu: 2, cpu: 2 },
        fallbacks: [],
        warnings: [],
      });
      expect(report.metadata).toMatchObject({ march: 'nash-m', backend: '@qtk/backend-nash-m' });
      // int8 weights [256,256], [60,256], [60,60], int32 biases, LayerNorm's int16 gamma and int32 beta.
      expect(report.parameters).toBe(256 * 256 + 256 + (256 + 256) + (60 * 256 + 60) + (60 * 60 + 60));
    });

    it('inspect shows each node’s unit and the conversion', async () => {
      const r = await runCli('inspect', quantized);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\n {2}name +op +unit +inputs +outputs +MACs\n/);
      expect(r.stdout).toMatch(
        /\n {2}linear2 +qtk::Linear +tae +int8\[2,100,256\], int8\[60,256\], int32\[60\] +int32\[2,100,60\] +3,072,000\n/,
      );
      expect(r.stdout).toMatch(/\n {2}y_dequantize +qtk::Dequantize +cpu +int32\[2,100,60\] +float32\[2,100,60\] +-\n/);
      expect(
        r.stdout.endsWith(
          '\nConversion:\n  march:    nash-m\n  backend:  @qtk/backend-nash-m\n' +
            'Nodes per unit (9):\n  tae  3\n  vae  2\n  vpu  2\n  cpu  2\nFallbacks: none\nWarnings: none\n',
        ),
      ).toBe(true);
    });

    it('run: z and y as float32, bit for bit the library’s integer simulation, close to PyTorch', async () => {
      const out = join(tmp(), 'm', 'run');
      const r = await runCli('run', quantized, '--input', input, '--out', out);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(
        `z  float32  [2,100,60]  ${join(out, 'z.npy')}\ny  float32  [2,100,60]  ${join(out, 'y.npy')}\n`,
      );
      const library = runGraph((await loadArtifact(quantized)).graph, { x });
      for (const name of ['z', 'y']) {
        const got = await readNpyFile(join(out, `${name}.npy`));
        const want = library.outputs[name] as Tensor;
        expect([got.dtype, got.shape]).toEqual(['float32', [2, 100, 60]]);
        expect(bytesOf(got).equals(bytesOf(want)), name).toBe(true);
        const pytorch = readFixtureTensor(fixturePath(`seed_two_outputs.output_${name}.npy`));
        const c = cosineSimilarity(got, pytorch);
        console.log(`nash-m ${name}: cosine with PyTorch's float output ${c.toFixed(6)}`);
        expect(c).toBeGreaterThan(0.99);
      }
      // The saturations the simulator counted, per node in graph order, over each node's output size.
      const graph = (await loadArtifact(quantized)).graph;
      const saturated = graph.nodes.filter((n) => (library.events[n.name]?.saturated ?? 0) > 0);
      const overflowed = graph.nodes.filter((n) => (library.events[n.name]?.overflow ?? 0) > 0);
      expect(overflowed).toEqual([]);
      const lines = r.stderr.split('\n').slice(0, -1);
      if (saturated.length === 0) expect(lines).toEqual([]);
      else {
        expect(lines[0]).toBe(
          `qtk: warning: values saturated (fell outside the quantized range) at ${saturated.length} node${saturated.length === 1 ? '' : 's'}:`,
        );
        expect(lines.slice(1).map((l) => /^ {2}(\S+): ([\d,]+) of ([\d,]+) \(/.exec(l)?.slice(1))).toEqual(
          saturated.map((n) => [
            n.name,
            (library.events[n.name]?.saturated ?? 0).toLocaleString('en-US'),
            numel(n.outputs[0]?.type.shape as number[]).toLocaleString('en-US'),
          ]),
        );
      }
    });

    it('visualize: the library’s visualize export with the artifact’s metadata; units on every node', async () => {
      const out = join(tmp(), 'm', 'v.onnx');
      const r = await runCli('visualize', quantized, '--out', out);
      expect(r).toEqual({
        code: 0,
        stdout: `Wrote ${out}: ${quantized} (quantized artifact, nash-m), 9 nodes; open it in Netron\n`,
        stderr: '',
      });
      const bytes = await readFile(out);
      const artifact = await loadArtifact(quantized);
      const library = exportVisualizeOnnx(artifact.graph, {
        metadata: { ...artifact.graph.metadata, ...artifact.metadata },
      });
      expect(bytes.equals(Buffer.from(library))).toBe(true);

      const model = decodeOnnx(bytes);
      const nodes = model.graph.node;
      expect(nodes.map((n) => attributeText(n.attribute.find((a) => a.name === 'unit')))).toEqual(
        artifact.graph.nodes.map((n) => n.annotations.unit),
      );
      const linear2 = nodes.find((n) => n.name === 'linear2');
      expect([linear2?.domain, linear2?.op_type]).toEqual(['qtk', 'Linear']);
      expect(attributeText(linear2?.attribute.find((a) => a.name === 'out_dtype'))).toBe('int32');
      expect(
        nodes
          .filter((n) => n.input.includes(linear2?.output[0] as string))
          .map((n) => n.op_type)
          .sort(),
      ).toEqual(['Dequantize', 'Rescale']);
      // int8 weights (3), int32 biases (6), LayerNorm's int16 gamma (5).
      expect(model.graph.initializer.find((t) => t.name === 'linear2.weight_quantized')?.data_type).toBe(3);
      expect(new Set(model.graph.initializer.map((t) => t.data_type))).toEqual(new Set([3, 5, 6]));
      const y32 = model.graph.value_info.find((v) => v.name === linear2?.output[0]);
      expect(y32?.type.tensor_type.elem_type).toBe(6);
      expect(model.opset_import).toEqual([{ version: '17' }, { domain: 'qtk', version: '1' }]);
      expect(model.metadata_props).toContainEqual({ key: 'march', value: 'nash-m' });
      expect(model.metadata_props).toContainEqual({ key: 'backend', value: '@qtk/backend-nash-m' });
    });

    it('the same QAT artifact gives the same bytes, wherever it is; so does visualize', async () => {
      const elsewhere = join(tmp(), 'elsewhere');
      await mkdir(elsewhere, { recursive: true });
      await copyFile(qat, join(elsewhere, 'copy.qtk'));
      const again = join(elsewhere, 'q.qtk');
      expect((await runCli('convert', join(elsewhere, 'copy.qtk'), '-m', 'nash-m', '-o', again, '-q')).code).toBe(0);
      expect((await readFile(again)).equals(await readFile(quantized))).toBe(true);
      for (const [source, target] of [
        [quantized, join(elsewhere, 'v1.onnx')],
        [again, join(elsewhere, 'v2.onnx')],
      ] as const) {
        expect(await runCli('visualize', source, '--out', target, '--quiet')).toEqual({
          code: 0,
          stdout: '',
          stderr: '',
        });
      }
      expect((await readFile(join(elsewhere, 'v1.onnx'))).equals(await readFile(join(elsewhere, 'v2.onnx')))).toBe(
        true,
      );
    });
  });

  describe('nash-h, with and without --integer-conv', () => {
    let float = '';
    let integer = '';
    let nashM = '';

    beforeAll(async () => {
      float = join(tmp(), 'h', 'float.qtk');
      integer = join(tmp(), 'h', 'integer.qtk');
      nashM = join(tmp(), 'h', 'm.qtk');
      for (const args of [
        ['--march', 'nash-h', '--out', float],
        ['--march', 'nash-h', '--integer-conv', '--out', integer],
        ['--march', 'nash-m', '--out', nashM],
      ]) {
        expect(await runCli('convert', qat, ...args, '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
      }
    });

    it('without: linear2 writes float32 on the TAE (output y directly), a VPU Quantize feeds linear3', async () => {
      const report = await inspectJson(float);
      const linear2 = nodeNamed(report, 'linear2');
      expect([linear2.op, linear2.unit, linear2.outputs[0]?.dtype]).toEqual(['qtk::Linear', 'tae', 'float32']);
      expect(report.outputs.map((o) => o.name)).toContain(linear2.outputs[0]?.name);
      const readers = readersOf(report, linear2);
      expect(readers.map((n) => [n.op, n.unit, n.outputs[0]?.dtype])).toEqual([['qtk::Quantize', 'vpu', 'int8']]);
      expect(readersOf(report, readers[0] as NodeReport).map((n) => n.name)).toEqual(['linear3']);
      expect(report.nodes.some((n) => n.op === 'qtk::Dequantize')).toBe(false);
      expect(report.conversion).toMatchObject({
        march: 'nash-h',
        backend: '@qtk/backend-nash-h',
        options: { integerConv: 'false' },
        nodesPerUnit: { tae: 3, vae: 1, vpu: 3, cpu: 0 },
      });
    });

    it('with: the nash-m structure (int32, a Dequantize on the CPU, a Rescale)', async () => {
      const h = await inspectJson(integer);
      const m = await inspectJson(nashM);
      expect(structure(h)).toEqual(structure(m));
      expect(nodeNamed(h, 'linear2').outputs[0]?.dtype).toBe('int32');
      expect(h.conversion).toMatchObject({ march: 'nash-h', options: { integerConv: 'true' } });
      expect(h.conversion?.nodesPerUnit).toEqual(m.conversion?.nodesPerUnit);
    });

    it('both run to PyTorch’s outputs (cosine > 0.99), as the library simulates them', async () => {
      for (const [label, path] of [
        ['nash-h', float],
        ['nash-h integerConv', integer],
      ] as const) {
        const out = join(tmp(), 'h', `run-${label.replace(' ', '-')}`);
        expect((await runCli('run', path, '-i', input, '-o', out, '-q')).code).toBe(0);
        const library = runGraph((await loadArtifact(path)).graph, { x });
        for (const name of ['z', 'y']) {
          const got = await readNpyFile(join(out, `${name}.npy`));
          expect(bytesOf(got).equals(bytesOf(library.outputs[name] as Tensor))).toBe(true);
          const c = cosineSimilarity(got, readFixtureTensor(fixturePath(`seed_two_outputs.output_${name}.npy`)));
          console.log(`${label} ${name}: cosine with PyTorch's float output ${c.toFixed(6)}`);
          expect(c).toBeGreaterThan(0.99);
        }
      }
    });
  });
});
