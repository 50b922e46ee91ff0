/**
 * An error caused by the user's input (a model, a file, an option), as opposed to a bug in qtk.
 *
 * Its message is one line that names the offending file, node or tensor and says what was expected.
 * Front ends (the CLI) print it without a stack trace; any other error is a bug and keeps its stack.
 */
export class QtkError extends Error {
  /** A stable, machine-readable category, such as `onnx.unsupported-op` or `graph.cycle`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QtkError';
    this.code = code;
  }
}

/** True when `error` is a {@link QtkError} (also across package copies, by name and code). */
export function isQtkError(error: unknown): error is QtkError {
  return (
    error instanceof QtkError ||
    (error instanceof Error && error.name === 'QtkError' && typeof (error as QtkError).code === 'string')
  );
}
