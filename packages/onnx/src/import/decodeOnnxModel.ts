import { type DecodedModel, decodedObjectOptions } from '../schema/DecodedModel.js';
import { ModelProtoMessage } from '../schema/onnxSchema.js';
import { invalidModel } from './invalidModel.js';

/**
 * Decodes the bytes of an .onnx file into plain objects. Protobuf errors (truncated or corrupt
 * files, other formats) and files without a graph become a "not a valid ONNX model" error that
 * names `source`.
 */
export function decodeOnnxModel(bytes: Uint8Array, source: string): DecodedModel {
  if (bytes.length === 0) throw invalidModel(source, 'the file is empty');
  let model: DecodedModel;
  try {
    model = ModelProtoMessage.toObject(
      ModelProtoMessage.decode(bytes),
      decodedObjectOptions,
    ) as unknown as DecodedModel;
  } catch (e) {
    // Random bytes can nest messages deeply enough to exhaust the stack: a RangeError lands here too.
    throw invalidModel(source, `protobuf decoding failed: ${(e as Error).message}`);
  }
  if (!model.graph) throw invalidModel(source, 'it has no graph');
  if (model.opset_import.length === 0) throw invalidModel(source, 'it imports no operator set');
  return model;
}
