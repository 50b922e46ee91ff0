import { isQtkError, type QtkError } from '@qtk/ir';
import { expect } from 'vitest';
import { importOnnx } from '../../src/index.js';
import { onnxModel, type TestModel } from './onnxModel.js';

/**
 * The QtkError importing `model` (a test model or its bytes) from `source` fails with, its message
 * one line as every import error's; fails the test when importing succeeds or throws anything else.
 */
export function importFailure(model: TestModel | Uint8Array, source = 'm.onnx'): QtkError {
  try {
    importOnnx(model instanceof Uint8Array ? model : onnxModel(model), { source });
  } catch (e) {
    if (!isQtkError(e)) throw e;
    expect(e.message).not.toContain('\n');
    return e;
  }
  return expect.fail('importing did not fail');
}

/** The message of {@link importFailure}. */
export function importError(model: TestModel | Uint8Array, source?: string): string {
  return importFailure(model, source).message;
}
