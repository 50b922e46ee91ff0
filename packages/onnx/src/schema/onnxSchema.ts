import root, { type onnx } from './generated/onnx.js';

/**
 * The `ModelProto` message of proto/onnx.proto. The generated reflection module exposes lower-case
 * packages only through lookups, so look it up once, typed by the generated declarations.
 */
export const ModelProtoMessage = root.lookupType('onnx.ModelProto') as unknown as typeof onnx.ModelProto;
