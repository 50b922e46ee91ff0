import { QtkError } from '@qtk/ir';
import type { DecodedTensor } from '../schema/DecodedModel.js';
import type { ExternalDataReader } from './ExternalDataReader.js';

function externalError(message: string): QtkError {
  return new QtkError('onnx.external-data', message);
}

/** A location must stay inside the model's directory, as the ONNX standard and onnxruntime require. */
function checkLocation(location: string, what: string): void {
  const segments = location.split(/[\\/]/);
  if (location === '' || /^([\\/]|[a-zA-Z]:)/.test(location) || segments.includes('..')) {
    throw externalError(`${what}: external data location '${location}' must be a path inside the model's directory`);
  }
}

function byteCount(value: string | undefined, key: string, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw externalError(`${what}: external data ${key} '${value}' is not a byte count`);
  }
  return n;
}

/**
 * The `expected` bytes of a tensor stored in a side file (`data_location = EXTERNAL`), read through
 * `read`. A missing location, a location outside the model's directory, or a side file too short for
 * the tensor's offset and length is an error naming the tensor and the file.
 */
export function readExternalBytes(
  t: DecodedTensor,
  expected: number,
  what: string,
  read: ExternalDataReader | undefined,
): Uint8Array {
  const entries = new Map(t.external_data.map((e) => [e.key ?? '', e.value ?? '']));
  const location = entries.get('location');
  if (location === undefined) throw externalError(`${what} is marked external but has no 'location'`);
  checkLocation(location, what);
  if (!read) {
    throw externalError(
      `${what} is stored in the side file '${location}'; load the model with loadOnnx (or pass readExternal)`,
    );
  }
  const offset = byteCount(entries.get('offset'), 'offset', what) ?? 0;
  const length = byteCount(entries.get('length'), 'length', what) ?? expected;
  let bytes: Uint8Array;
  try {
    bytes = read(location);
  } catch (e) {
    if (e instanceof QtkError) throw new QtkError(e.code, `${what}: ${e.message}`, { cause: e });
    throw e;
  }
  if (offset + length > bytes.length) {
    throw externalError(
      `${what}: side file '${location}' is too short: the tensor needs bytes ${offset} to ${offset + length}, the file has ${bytes.length}`,
    );
  }
  return bytes.subarray(offset, offset + length);
}
