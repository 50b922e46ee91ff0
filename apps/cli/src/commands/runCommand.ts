import { existsSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatShape, QtkError, type Tensor } from '@qtk/ir';
import { runGraph } from '@qtk/simulator';
import type { CliIo } from '../cli/CliIo.js';
import { startProgress } from '../cli/Progress.js';
import { readNpyFile, writeNpyFile } from '../io/npy/npyFile.js';
import type { LoadedModel } from '../model/LoadedModel.js';
import { loadModel } from '../model/loadModel.js';
import { noteBuiltinModel } from '../model/noteBuiltinModel.js';
import { assertNotAnInput } from '../run/assertNotAnInput.js';
import { checkFeed, type SymbolBindings } from '../run/checkFeed.js';
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

async function prepareOutDir(dir: string, targets: readonly string[]): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new QtkError('file.write', `${dir}: cannot create the output directory (${code ?? (e as Error).message})`);
  }
  for (const target of targets) {
    const existing = await stat(target).catch(() => undefined);
    if (existing && !existing.isFile()) {
      throw new QtkError('file.write', `${target}: exists and is not a file; cannot write the output there`);
    }
  }
}

/**
 * `qtk run [model] --input ... --out <dir>`: runs the model in the float simulator and writes each
 * output to `<dir>/<output>.npy` (names made safe by {@link outputFileNames}), atomically, never over
 * an input file. Everything is checked before anything is written.
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
  await assertNotAnInput(targets, [...(modelPath === undefined ? [] : [modelPath]), ...feeds.files]);
  await prepareOutDir(options.out, targets);

  const result = runGraph(model.graph, feeds.tensors);
  const progress = startProgress(io, 'writing outputs');
  const rows: string[][] = [];
  for (const [i, value] of outputs.entries()) {
    const tensor = result.outputs[value.name];
    if (!tensor) throw new Error(`the simulator returned no value for output '${value.name}'`);
    const target = targets[i] as string;
    await writeNpyFile(target, tensor);
    rows.push([value.name, tensor.dtype, formatShape(tensor.shape), target]);
    progress.update(i + 1, outputs.length);
  }
  progress.finish();
  if (!options.quiet) io.stdout(renderTable(rows, ''));
}
