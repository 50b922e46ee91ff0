import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `data/real-blocks`, found from this file as `fixturesDir` is (not imported from the index, to keep modules acyclic). */
const realBlocksDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'real-blocks');

/** The tiny PyTorch exports of `data/real-blocks` (see `data/FIXTURES.md`), in the order (a) to (f). */
export const REAL_BLOCKS = [
  'mbv3_block',
  'seg_head',
  'vit_block',
  'swin_block',
  'unet_decoder',
  'shape_arith',
] as const;

/** The name of one of {@link REAL_BLOCKS}. */
export type RealBlockName = (typeof REAL_BLOCKS)[number];

/** A value as the ONNX file declares it; a dim the exporter did not know is its `dim_param` (a string). */
export interface RealBlockValue {
  readonly name: string;
  /** ONNX's name of the element type (`float`, `int64`, ...). */
  readonly dtype: string;
  readonly shape: readonly (number | string)[];
}

/**
 * The nodes of a block's ONNX that can be computed at import once the input shapes are static (all
 * are): `Shape` nodes and nodes whose inputs are all initializers, `Constant` outputs or outputs of
 * such nodes (`Constant` nodes themselves not counted). Found by `export_blocks.py` from the ONNX
 * graph alone, independently of qtk.
 */
export interface RealBlockConstantSubgraph {
  readonly nodes: number;
  /** Of those, `Cast`s to the dtype their input already has (an importer may drop them rather than fold them). */
  readonly sameDtypeCasts: number;
  /** Its op histogram. */
  readonly ops: Readonly<Record<string, number>>;
  /** The op types that occur only there, never on the data path. */
  readonly opsOnlyInIt: readonly string[];
}

/** One block: its files and what `export_blocks.py` recorded about its ONNX (`meta.json`). */
export interface RealBlock {
  readonly name: RealBlockName;
  /** Which of the blocks it is and what it holds. */
  readonly what: string;
  readonly dir: string;
  /** `model.onnx`, exported by PyTorch 1.13 with opset 17. */
  readonly model: string;
  /** `input.npy`, the input PyTorch's outputs were computed on. */
  readonly input: string;
  /** The folder of the 8 calibration samples (`.npy`). */
  readonly calibration: string;
  readonly doConstantFolding: boolean;
  readonly inputs: readonly RealBlockValue[];
  /** The ONNX outputs, in order, each with the file of PyTorch's output (`output_<name>.npy`). */
  readonly outputs: readonly (RealBlockValue & { readonly file: string })[];
  /** Op histogram of the ONNX (`Constant` nodes included). */
  readonly onnxOps: Readonly<Record<string, number>>;
  readonly constantSubgraph: RealBlockConstantSubgraph;
}

interface MetaJson {
  what: string;
  export: { do_constant_folding: boolean };
  inputs: RealBlockValue[];
  outputs: RealBlockValue[];
  onnx_ops: Record<string, number>;
  constant_subgraph: { nodes: number; same_dtype_casts: number; ops: Record<string, number>; ops_only_in_it: string[] };
}

/** A block of `data/real-blocks`: paths of its files and its `meta.json`. */
export function realBlock(name: RealBlockName): RealBlock {
  const dir = join(realBlocksDir, name);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as MetaJson;
  return {
    name,
    what: meta.what,
    dir,
    model: join(dir, 'model.onnx'),
    input: join(dir, 'input.npy'),
    calibration: join(dir, 'calib'),
    doConstantFolding: meta.export.do_constant_folding,
    inputs: meta.inputs,
    outputs: meta.outputs.map((o) => ({ ...o, file: join(dir, `output_${o.name}.npy`) })),
    onnxOps: meta.onnx_ops,
    constantSubgraph: {
      nodes: meta.constant_subgraph.nodes,
      sameDtypeCasts: meta.constant_subgraph.same_dtype_casts,
      ops: meta.constant_subgraph.ops,
      opsOnlyInIt: meta.constant_subgraph.ops_only_in_it,
    },
  };
}
