/**
 * Test data for qtk's test suites, copied from the project's shared fixtures so that tests run in
 * a clean checkout. See `data/FIXTURES.md` for what each model is and how it was made.
 *
 * @packageDocumentation
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tensor } from '@qtk/ir';
import { parse } from 'npyjs';

/** The folder holding the fixtures. */
export const fixturesDir: string = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data');

/** Absolute path of a fixture file, e.g. `fixturePath('seed_small.onnx')`. */
export function fixturePath(...parts: string[]): string {
  return join(fixturesDir, ...parts);
}

/** The dtypes the fixtures use, by qtk's names. */
export type FixtureDType = 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'bool';

/** A NumPy array as read from a fixture. */
export interface FixtureArray {
  dtype: FixtureDType;
  shape: number[];
  data: Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | BigInt64Array | Uint8Array;
}

const DTYPES: Record<string, FixtureDType> = {
  f4: 'float32',
  f8: 'float64',
  i1: 'int8',
  i2: 'int16',
  i4: 'int32',
  i8: 'int64',
  u1: 'uint8',
  b1: 'bool',
};

/** Reads a `.npy` fixture (C order, little-endian). */
export function readFixtureNpy(path: string): FixtureArray {
  const bytes = readFileSync(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const array = parse(buffer);
  const dtype = DTYPES[array.dtype];
  if (!dtype || array.fortranOrder) throw new Error(`${path}: unsupported fixture array ${array.dtype}`);
  const raw = array.data as unknown;
  const data = Array.isArray(raw) ? Uint8Array.from(raw as boolean[], Number) : (raw as FixtureArray['data']);
  return { dtype, shape: array.shape, data: data.slice() as FixtureArray['data'] };
}

/** The folders of ONNX's node conformance tests the fixtures carry. */
export type OnnxNodeTestSuite =
  /** The ops of the first models qtk imported (Conv, Gemm, LayerNorm, pooling, Q/DQ, ...). */
  | 'onnx-node-tests'
  /** The ops of everyday PyTorch exports (Resize, Pad, HardSwish, comparisons, shape arithmetic, ...). */
  | 'onnx-node-tests-ops2';

/** Every suite, in order. */
export const ONNX_NODE_TEST_SUITES: readonly OnnxNodeTestSuite[] = ['onnx-node-tests', 'onnx-node-tests-ops2'];

/** One of ONNX's node conformance tests: a model, its inputs and expected outputs. */
export interface OnnxNodeTest {
  name: string;
  suite: OnnxNodeTestSuite;
  ops: string[];
  opset: number;
  dir: string;
  inputs: { name: string; file: string }[];
  outputs: { name: string; file: string }[];
}

/** ONNX's node conformance tests (ONNX 1.12) for the ops qtk imports, of one suite or of all. */
export function onnxNodeTests(suites: readonly OnnxNodeTestSuite[] = ONNX_NODE_TEST_SUITES): OnnxNodeTest[] {
  return suites.flatMap((suite) => {
    const dir = fixturePath(suite);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Omit<
      OnnxNodeTest,
      'dir' | 'suite'
    >[];
    return manifest.map((t) => ({ ...t, suite, dir: join(dir, t.name) }));
  });
}

/** A `.npy` fixture as a qtk tensor. */
export function readFixtureTensor(path: string): Tensor {
  const a = readFixtureNpy(path);
  return new Tensor(a.dtype, a.shape, a.data as Tensor['data']);
}

/** The calibration samples of a fixture folder (`calib_seq_2x100x256`, `calib_img_1x3x32x32`), in name order. */
export function calibrationSamples(folder: string): Tensor[] {
  const dir = fixturePath(folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.npy'))
    .sort()
    .map((f) => readFixtureTensor(join(dir, f)));
}

export { CONVTRANSPOSE_FIXTURE_MODELS } from './convTransposeFixtures.js';
export {
  nodeTestExpectedOutputs,
  nodeTestInputs,
  nodeTestReference,
  ONNX_EXPECTED_OUTPUT_ERRATA,
  onnxruntimeNodeTestOutputs,
} from './onnxNodeTestReference.js';
export {
  REAL_BLOCKS,
  type RealBlock,
  type RealBlockConstantSubgraph,
  type RealBlockName,
  type RealBlockValue,
  realBlock,
} from './realBlocks.js';
export { type TensorDifference, tensorDifference } from './tensorDifference.js';
