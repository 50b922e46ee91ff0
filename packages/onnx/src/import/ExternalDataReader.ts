/**
 * Returns the bytes of a side file that holds tensors stored outside the model (ONNX external
 * data), given its `location` relative to the model's directory. Throws a `QtkError` naming the
 * file when it cannot be read.
 */
export type ExternalDataReader = (location: string) => Uint8Array;
