import { QtkError } from '@qtk/ir';

/** One `--input`: which graph input reads which file. */
export interface InputAssignment {
  readonly input: string;
  readonly path: string;
}

/**
 * Turns `--input` values into assignments. `name=file.npy` feeds the input `name`; a bare
 * `file.npy` feeds a model's only input. A value with `=` whose prefix is not an input name is still
 * a bare path when the model has one input and `isFile(value)` says the whole value is a file
 * (`--input run=3.npy`). Unknown, repeated or missing inputs are errors that list the model's inputs.
 */
export function parseInputSpecs(
  specs: readonly string[],
  inputNames: readonly string[],
  isFile: (path: string) => boolean,
): InputAssignment[] {
  const list = inputNames.join(', ');
  const assignments: InputAssignment[] = specs.map((spec) => {
    const eq = spec.indexOf('=');
    const name = eq > 0 ? spec.slice(0, eq) : undefined;
    if (name !== undefined && inputNames.includes(name)) {
      const path = spec.slice(eq + 1);
      if (path === '') throw new QtkError('cli.input', `--input ${spec}: no file after '='`);
      return { input: name, path };
    }
    if (inputNames.length === 1 && (eq < 0 || isFile(spec))) return { input: inputNames[0] as string, path: spec };
    if (eq >= 0) {
      throw new QtkError(
        'cli.input',
        `--input ${spec}: the model has no input '${spec.slice(0, eq)}' (its inputs: ${list})`,
      );
    }
    throw new QtkError(
      'cli.input',
      `--input ${spec}: the model has ${inputNames.length} inputs (${list}); name each: --input <name>=<file.npy>`,
    );
  });
  const seen = new Set<string>();
  for (const a of assignments) {
    if (seen.has(a.input)) throw new QtkError('cli.input', `input '${a.input}' is given more than once`);
    seen.add(a.input);
  }
  const missing = inputNames.filter((n) => !seen.has(n));
  if (missing.length > 0) {
    throw new QtkError(
      'cli.input',
      `missing ${missing.map((n) => `'${n}'`).join(', ')}: the model's inputs are ${list}; give each with --input <name>=<file.npy>`,
    );
  }
  return assignments;
}
