import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatShape, type Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import type { CliIo } from '../cli/CliIo.js';
import { startProgress } from '../cli/Progress.js';
import { readNpyFile, writeNpyFile } from '../io/npy/npyFile.js';
import type { LoadedModel } from '../model/LoadedModel.js';
import { loadModel } from '../model/loadModel.js';
import { noteBuiltinModel } from '../model/noteBuiltinModel.js';
import { checkOutputTargets } from '../output/checkOutputTargets.js';
import { createOutDir } from '../output/createOutDir.js';
import { checkFeed, type SymbolBindings } from '../run/checkFeed.js';
import { formatRunEvents } from '../run/formatRunEvents.js';
import { outputFileNames } from '../run/outputFileNames.js';
import { parseInputSpecs } from '../run/parseInputSpecs.js';
import { renderTable } from '../text/renderTable.js';

/** Options of `qtk run`. */
export interface RunOptions {
  /** `--input` values: `name=file.npy`, or `file.npy` for a single-input model. */
  readonly input?: readonly string[];
  /** The directory to write `<output>.npy` files into (created when missing). */
  readonly out: string;
  /** Print nothing on success. */
  readonly quiet?: boolean;
}

interface Feeds {
  readonly tensors: Record<string, Tensor>;
  /** The files read, so that no output overwrites one. */
  readonly files: readonly string[];
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

async function readFeeds(model: LoadedModel, specs: readonly string[]): Promise<Feeds> {
  const { graph } = model;
  if (specs.length === 0 && model.exampleInputs) return { tensors: { ...model.exampleInputs }, files: [] };
  const names = graph.inputs.map((v) => v.name);
  const assignments = parseInputSpecs(specs, names, isFile);
  const bindings: SymbolBindings = new Map();
  const tensors: Record<string, Tensor> = {};
  // In graph-input order, so a symbolic-dim conflict is reported the same way whatever the flag order.
  for (const value of graph.inputs) {
    const { path } = assignments.find((a) => a.input === value.name) as { path: string };
    const tensor = await readNpyFile(path);
    checkFeed(value, tensor, path, bindings);
    tensors[value.name] = tensor;
  }
  return { tensors, files: assignments.map((a) => a.path) };
}

/**
 * `qtk run [model] --input ... --out <dir>`: runs the model in the simulator and writes each output
 * to `<dir>/<output>.npy` (names made safe by {@link outputFileNames}), atomically, never over an
 * input file. Everything is checked before anything is written. A QAT artifact runs as the
 * fake-quant model (VALIDATION), a quantized artifact in the backend's integer arithmetic; values
 * their fake quantizations or integer ops clipped, and int32 accumulators that overflowed, are
 * reported on stderr.
 */
export async function runCommand(modelPath: string | undefined, options: RunOptions, io: CliIo): Promise<void> {
  const model = await loadModel(modelPath);
  const specs = options.input ?? [];
  if (!options.quiet) {
    const example = Object.keys(model.exampleInputs ?? {}).join(', ');
    noteBuiltinModel(model, io, specs.length === 0 && example ? ` and its example input ${example}` : '');
  }
  const feeds = await readFeeds(model, specs);
  const outputs = model.graph.outputs;
  const targets = outputFileNames(outputs.map((v) => v.name)).map((file) => join(options.out, file));
  await checkOutputTargets(targets, [...(modelPath === undefined ? [] : [modelPath]), ...feeds.files]);

  // How many values each node handled (what a FakeQuantize saw, what an integer op wrote), to put
  // its saturation and overflow counts in proportion.
  const sizes = new Map<string, number>();
  const result = runGraph(model.graph, feeds.tensors, {
    hooks: {
      afterNode: ({ node, inputs, outputs }) => {
        sizes.set(node.name, (node.op === 'FakeQuantize' ? inputs[0] : outputs[0])?.size ?? 0);
      },
    },
  });
  await createOutDir(options.out);
  const progress = startProgress(io, 'writing outputs');
  const rows: string[][] = [];
  try {
    for (const [i, value] of outputs.entries()) {
      const tensor = result.outputs[value.name];
      if (!tensor) throw new Error(`the simulator returned no value for output '${value.name}'`);
      const target = targets[i] as string;
      await writeNpyFile(target, tensor);
      rows.push([value.name, tensor.dtype, formatShape(tensor.shape), target]);
      progress.update(i + 1, outputs.length);
    }
  } finally {
    progress.finish();
  }
  if (options.quiet) return;
  const warnings = formatRunEvents(model.graph, result.events, sizes);
  if (warnings) io.stderr(warnings);
  io.stdout(renderTable(rows, ''));
}
