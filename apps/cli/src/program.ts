import { NASH_MARCHES, PRESET_OBSERVER_KINDS, PRESET_SETTERS } from '@qtk/qconfig';
import { Command, Option } from 'commander';
import type { CliIo } from './cli/CliIo.js';
import { packageVersion } from './cli/packageVersion.js';
import { parsePositiveInteger } from './cli/parsePositiveInteger.js';
import { type CalibrateOptions, calibrateCommand } from './commands/calibrateCommand.js';
import { inspectCommand } from './commands/inspectCommand.js';
import { runCommand } from './commands/runCommand.js';

const MODEL_ARGUMENT = 'a .onnx model or a .qtk artifact (default: the built-in SmallModel)';

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
      "\nWithout a model file, commands use the built-in model: the article's SmallModel (seed 42).\n" +
        'Exit codes: 0 success, 1 error (bad file, model or input), 2 usage error.\n',
    );

  program
    .command('inspect')
    .description("print a model's inputs, outputs, nodes, op counts, parameter count and MACs")
    .argument('[model]', MODEL_ARGUMENT)
    .option('--json', 'print one JSON document (format qtk.inspect/1, see the README)')
    .addHelpText(
      'after',
      '\nParameters are the elements of all floating-point constants (weights, biases, float scalars).\n' +
        'MACs count Linear, Conv, MatMul and Gemm (output elements x reduced size); other ops count 0;\n' +
        'symbolic dims (such as a batch) count as 1.\n',
    )
    .action(async (model: string | undefined, options: { json?: boolean }) => {
      await inspectCommand(model, options, io);
    });

  program
    .command('run')
    .description('run a model in the float simulator and write each output to <dir>/<output>.npy')
    .argument('[model]', MODEL_ARGUMENT)
    .addOption(
      new Option(
        '-i, --input <name=file.npy>',
        'an input: name=file.npy, or file.npy for a single-input model (repeat for each input)',
      ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
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

  return program;
}
