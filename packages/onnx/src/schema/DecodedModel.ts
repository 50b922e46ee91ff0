/**
 * The plain objects `ModelProto.toObject` gives for a decoded file, with the options
 * {@link decodedObjectOptions}: 64-bit integers as decimal strings (so int64 data round-trips
 * exactly), repeated fields always arrays, absent optional fields absent. Only what qtk reads is
 * typed.
 *
 * @module
 */

/** A key/value entry (`StringStringEntryProto`). */
export interface DecodedEntry {
  readonly key?: string;
  readonly value?: string;
}

/** An `OperatorSetIdProto`. */
export interface DecodedOpsetId {
  readonly domain?: string;
  readonly version?: string;
}

/** A `TensorShapeProto.Dimension`. */
export interface DecodedDim {
  readonly dim_value?: string;
  readonly dim_param?: string;
}

/** A `ValueInfoProto`; only tensor types are read. */
export interface DecodedValueInfo {
  readonly name?: string;
  readonly type?: {
    readonly tensor_type?: { readonly elem_type?: number; readonly shape?: { readonly dim: readonly DecodedDim[] } };
  };
}

/** A `TensorProto`. */
export interface DecodedTensor {
  readonly dims: readonly string[];
  readonly data_type?: number;
  readonly segment?: unknown;
  readonly float_data: readonly number[];
  readonly int32_data: readonly number[];
  readonly string_data: readonly Uint8Array[];
  readonly int64_data: readonly string[];
  readonly name?: string;
  readonly raw_data?: Uint8Array;
  readonly external_data: readonly DecodedEntry[];
  readonly data_location?: number;
  readonly double_data: readonly number[];
  readonly uint64_data: readonly string[];
}

/** An `AttributeProto`. */
export interface DecodedAttribute {
  readonly name?: string;
  readonly ref_attr_name?: string;
  readonly type?: number;
  readonly f?: number;
  readonly i?: string;
  readonly s?: Uint8Array;
  readonly t?: DecodedTensor;
  readonly g?: DecodedGraph;
  readonly sparse_tensor?: unknown;
  readonly tp?: unknown;
  readonly floats: readonly number[];
  readonly ints: readonly string[];
  readonly strings: readonly Uint8Array[];
  readonly tensors: readonly DecodedTensor[];
  readonly graphs: readonly DecodedGraph[];
  readonly sparse_tensors: readonly unknown[];
  readonly type_protos: readonly unknown[];
}

/** A `NodeProto`. */
export interface DecodedNode {
  readonly input: readonly string[];
  readonly output: readonly string[];
  readonly name?: string;
  readonly op_type?: string;
  readonly domain?: string;
  readonly attribute: readonly DecodedAttribute[];
}

/** A `GraphProto`. */
export interface DecodedGraph {
  readonly node: readonly DecodedNode[];
  readonly name?: string;
  readonly initializer: readonly DecodedTensor[];
  readonly sparse_initializer: readonly unknown[];
  readonly input: readonly DecodedValueInfo[];
  readonly output: readonly DecodedValueInfo[];
  readonly value_info: readonly DecodedValueInfo[];
}

/** A `ModelProto`. */
export interface DecodedModel {
  readonly ir_version?: string;
  readonly opset_import: readonly DecodedOpsetId[];
  readonly producer_name?: string;
  readonly producer_version?: string;
  readonly graph?: DecodedGraph;
  readonly metadata_props: readonly DecodedEntry[];
}

/** The `toObject` options the decoded shapes above assume. */
export const decodedObjectOptions = { longs: String, arrays: true, defaults: false } as const;
