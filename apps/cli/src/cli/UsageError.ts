/**
 * A command line that names something that does not exist or does not fit, found only once the
 * command runs (a march no loaded backend serves, an output file with the wrong extension): exit
 * code 2 with commander's usage-error format, like an option value outside its choices.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
