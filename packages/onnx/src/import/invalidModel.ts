import { QtkError } from '@qtk/ir';

/** The error for a file that is not a well-formed ONNX model, naming the file and what is wrong. */
export function invalidModel(source: string, why: string): QtkError {
  return new QtkError('onnx.invalid', `${source}: not a valid ONNX model (${why})`);
}
