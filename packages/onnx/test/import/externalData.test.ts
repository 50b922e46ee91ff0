import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatGraph, type Tensor, tensorsIdentical } from '@qtk/ir';
import { fixturePath } from '@qtk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { importOnnx, loadOnnx } from '../../src/index.js';
import { ModelProtoMessage } from '../../src/schema/onnxSchema.js';
import { maxOutputDiff } from '../helpers/compare.js';
import { fixtureTensor } from '../helpers/fixtureTensor.js';
import { runOrt } from '../helpers/ort.js';

const PAGE = 4096;

/**
 * seed_small.onnx with every initializer moved to side files as onnx.save_model does it
 * (`data_location = EXTERNAL`, location/offset/length, offsets page-aligned): the first
 * `inSecond` tensors in `second.bin` without a length entry, the rest in `weights.bin`.
 */
function externalize(dir: string, inSecond = 0): string {
  const model = ModelProtoMessage.decode(readFileSync(fixturePath('seed_small.onnx')));
  const files: Record<string, Buffer[]> = { 'weights.bin': [], 'second.bin': [] };
  const sizes: Record<string, number> = { 'weights.bin': 0, 'second.bin': 0 };
  (model.graph?.initializer ?? []).forEach((t, i) => {
    const file = i < inSecond ? 'second.bin' : 'weights.bin';
    const raw = Buffer.from(t.raw_data as Uint8Array);
    const offset = Math.ceil((sizes[file] as number) / PAGE) * PAGE;
    files[file]?.push(Buffer.alloc(offset - (sizes[file] as number)), raw);
    sizes[file] = offset + raw.length;
    t.raw_data = undefined as unknown as Uint8Array;
    delete (t as { raw_data?: unknown }).raw_data;
    t.data_location = 1;
    t.external_data = [
      { key: 'location', value: file },
      { key: 'offset', value: String(offset) },
      ...(i < inSecond ? [] : [{ key: 'length', value: String(raw.length) }]),
    ];
  });
  for (const [file, parts] of Object.entries(files)) writeFileSync(join(dir, file), Buffer.concat(parts));
  const path = join(dir, 'model.onnx');
  writeFileSync(path, ModelProtoMessage.encode(model).finish());
  return path;
}

describe('tensors stored as external data', () => {
  const embedded = importOnnx(readFileSync(fixturePath('seed_small.onnx')));

  it('load from side files next to the model, the same graph and weights as the embedded model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qtk-external-'));
    const path = externalize(dir, 2);
    expect(readFileSync(path).length).toBeLessThan(4096); // the weights really are elsewhere
    const graph = await loadOnnx(path);
    expect(formatGraph(graph)).toBe(formatGraph(embedded));
    for (const c of embedded.constants) {
      expect(tensorsIdentical(graph.findValue(c.name)?.constant as Tensor, c.constant as Tensor), c.name).toBe(true);
    }
    // The side files are standard: onnxruntime reads them and computes what the embedded model does.
    const x = fixtureTensor('seed_small.input.npy');
    const viaEmbedded = await runOrt(readFileSync(fixturePath('seed_small.onnx')), { x });
    expect(maxOutputDiff(viaEmbedded, await runOrt(path, { x }))).toBe(0);
  });

  it('a missing side file is an error naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qtk-external-'));
    const path = externalize(dir);
    rmSync(join(dir, 'weights.bin'));
    await expect(loadOnnx(path)).rejects.toThrow(
      `${path}: initializer 'linear1.bias': cannot read the side file '${join(dir, 'weights.bin')}' (ENOENT)`,
    );
  });

  it('a side file too short for a tensor is an error naming the tensor and the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qtk-external-'));
    const path = externalize(dir);
    const full = readFileSync(join(dir, 'weights.bin'));
    writeFileSync(join(dir, 'weights.bin'), full.subarray(0, full.length - 1));
    await expect(loadOnnx(path)).rejects.toThrow(
      /initializer 'onnx::MatMul_22': side file 'weights\.bin' is too short/,
    );
  });

  it('importOnnx without a reader, and locations outside the model directory, are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qtk-external-'));
    const bytes = readFileSync(externalize(dir));
    expect(() => importOnnx(bytes)).toThrow(
      "model.onnx: initializer 'linear1.bias' is stored in the side file 'weights.bin'; load the model with loadOnnx (or pass readExternal)",
    );
    // Same length, so the protobuf framing stays valid.
    const escaping = Buffer.from(
      Buffer.from(bytes).toString('latin1').replaceAll('weights.bin', '../ghts.bin'),
      'latin1',
    );
    expect(() => importOnnx(escaping, { readExternal: () => new Uint8Array(1 << 20) })).toThrow(
      "model.onnx: initializer 'linear1.bias': external data location '../ghts.bin' must be a path inside the model's directory",
    );
  });
});
