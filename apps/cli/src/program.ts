import { backendRegistry } from '@qtk/backend';
import { NASH_MARCHES, PRESET_OBSERVER_KINDS, PRESET_SETTERS } from '@qtk/qconfig';
import { Command, Option } from 'commander';
import type { CliIo } from './cli/CliIo.js';
import { ExitCode } from './cli/ExitCode.js';
import { packageVersion } from './cli/packageVersion.js';
import { parsePositiveInteger } from './cli/parsePositiveInteger.js';
import { UsageError } from './cli/UsageError.js';
import { type CalibrateOptions, calibrateCommand } from './commands/calibrateCommand.js';
import { type ConvertOptions, convertCommand } from './commands/convertCommand.js';
import { inspectCommand } from './commands/inspectCommand.js';
import { runCommand } from './commands/runCommand.js';
import { type VisualizeOptions, visualizeCommand } from './commands/visualizeCommand.js';

const MODEL_ARGUMENT = 'a .onnx model or a .qtk artifact (default: the built-in SmallModel)';

/** Collects a repeatable option's values. */
const repeatable = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/**
 * Runs a command's action; a {@link UsageError} it throws is reported as commander reports its own
 * usage errors (message, help pointer, exit code 2).
 */
async function withUsageErrors(command: Command, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (e) {
    if (e instanceof UsageError) command.error(e.message, { exitCode: ExitCode.usage, code: 'qtk.usage' });
    throw e;
  }
}

/**
 * The `qtk` command line. Commander never exits the process: it throws a `CommanderError` that
 * {@link main} turns into an exit code, and writes through `io`.
 */
export function createProgram(io: CliIo): Command {
  const program = new Command('qtk')
    .description('qtk: quantization toolkit for Horizon Robotics Journey 6 (Nash) BPUs')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--debug', 'print stack traces with error messages')
    .helpOption('-h, --help', 'print help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`qtk: ${text.replace(/^error: /, '')}`),
    })
    .showHelpAfterError("(run 'qtk help' or 'qtk <command> --help' for usage)")
    .addHelpText(
      'after',
      "\nWithout a model file, inspect and run use the built-in model: the article's SmallModel (seed 42).\n" +
        'Exit codes: 0 success, 1 error (bad file, model or input), 2 usage error.\n',
    );

  program
    .command('inspect')
    .description(
      "print a model's inputs, outputs, nodes, op counts, parameter count and MACs; a QAT artifact's qconfig; a quantized artifact's units, fallbacks and warnings",
    )
    .argument('[model]', MODEL_ARGUMENT)
    .option('--json', 'print one JSON document (format qtk.inspect/1, see the README)')
    .addHelpText(
      'after',
      '\nParameters are the elements of all floating-point constants (weights, biases, float scalars),\n' +
        "and of the constants of a quantized model's integer ops (int8 weights, int32 biases, ...).\n" +
        'MACs count Linear, Conv, MatMul and Gemm, float or integer (output elements x reduced size);\n' +
        'other ops count 0; symbolic dims (such as a batch) count as 1.\n' +
        'For a quantized artifact, each node shows the unit it runs on (tae, vae, vpu, cpu; "(fallback)" for\n' +
        'float32 ops on the CPU), and a Conversion section gives the march, backend, nodes per unit and warnings.\n',
    )
    .action(async (model: string | undefined, options: { json?: boolean }) => {
      await inspectCommand(model, options, io);
    });

  program
    .command('run')
    .description(
      'run a model in the simulator (float; fake-quant for a QAT artifact; integer for a quantized one) and write each output to <dir>/<output>.npy',
    )
    .argument('[model]', MODEL_ARGUMENT)
    .addOption(
      new Option(
        '-i, --input <name=file.npy>',
        'an input: name=file.npy, or file.npy for a single-input model (repeat for each input)',
      ).argParser(repeatable),
    )
    .requiredOption('-o, --out <dir>', 'directory for the output .npy files (created if missing)')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText(
      'after',
      '\nThe built-in model runs on its example input when no --input is given.\n' +
        "Output names become file names: characters other than letters, digits, '.', '-' and '_' turn into '_'.\n",
    )
    .action(async (model: string | undefined, options: { input?: string[]; out: string; quiet?: boolean }) => {
      await runCommand(model, options, io);
    });

  program
    .command('calibrate')
    .description(
      'calibrate a float model on sample data and write <dir>/qat.qtk, qconfig.json, qconfig.txt and qdq.onnx',
    )
    .argument('<model>', 'the float model: a .onnx file or a float .qtk artifact')
    .requiredOption('-d, --data <dir>', 'a folder of samples: .npy files (single-input model) or .npz files')
    .addOption(new Option('-m, --march <march>', 'the target BPU').choices(NASH_MARCHES).makeOptionMandatory())
    .addOption(
      new Option('-s, --setter <preset>', 'the qconfig preset')
        .choices(Object.keys(PRESET_SETTERS))
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--observer <name>', "the activation observer, in place of the preset's").choices(
        PRESET_OBSERVER_KINDS,
      ),
    )
    .option('-n, --limit <n>', 'use only the first n samples, in name order', parsePositiveInteger)
    .option(
      '--skip-non-finite',
      'skip NaN and infinite values (in samples and activations) instead of refusing them; qconfig.txt counts them',
    )
    .requiredOption('-o, --out <dir>', 'directory for the four output files (created if missing)')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText(
      'after',
      '\nA .npz sample holds one array per model input, named after the input. Each sample must have the\n' +
        "input's dtype and shape. The presets' activation observers: mse for the calibration presets,\n" +
        'minmax for the QAT presets (frozen after the first batch for the fixed-act ones).\n',
    )
    .action(async (model: string, options: CalibrateOptions) => {
      await calibrateCommand(model, options, io);
    });

  program
    .command('convert')
    .description('convert a calibrated QAT artifact to a quantized (integer) artifact for a march')
    .argument('<qat>', 'the QAT artifact (qat.qtk, from qtk calibrate)')
    .requiredOption(
      '-m, --march <march>',
      `the target BPU: a march of a registered backend (shipped: ${backendRegistry.marches().join(', ')})`,
    )
    .option(
      '--integer-conv',
      'nash-h/p: GEMM high-precision outputs as int32 + a host dequantize, as nash-m (integerConv)',
    )
    .addOption(
      new Option(
        '--backend <package>',
        'load a third-party backend package (name or path; repeat for several)',
      ).argParser(repeatable),
    )
    .requiredOption('-o, --out <file.qtk>', 'the quantized artifact to write')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText(
      'after',
      '\nThe summary gives the march, the backend, the nodes per unit (tae, vae, vpu, cpu), the nodes left in\n' +
        "float32 on the CPU (fallbacks) and the backend's warnings; qtk inspect shows them again.\n",
    )
    .action(async (qat: string, options: ConvertOptions, command: Command) => {
      await withUsageErrors(command, () => convertCommand(qat, options, io));
    });

  program
    .command('visualize')
    .description('write a model as an ONNX file to view in Netron: qtk ops, units, integer weights, every dtype')
    .argument('<model>', 'a .qtk artifact (quantized, QAT or float) or a .onnx model')
    .requiredOption('-o, --out <file.onnx>', 'the ONNX file to write')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText(
      'after',
      '\nThe file is for viewing, not running: integer ops are in domain qtk with their scales, multipliers and\n' +
        'shifts as attributes and a unit attribute (tae, vae, vpu, cpu) on each converted node.\n',
    )
    .action(async (model: string, options: VisualizeOptions, command: Command) => {
      await withUsageErrors(command, () => visualizeCommand(model, options, io));
    });

  return program;
}
