/** Options of {@link exportOnnx}. */
export interface ExportOptions {
  /** Version of the standard ONNX operator set to write (default 17; 17 to 21). */
  opset?: number;
  /** `producer_name` of the model (default `qtk`). */
  producer?: string;
  /** Written as the model's `metadata_props`, sorted by key (viewers such as Netron show them). */
  metadata?: Readonly<Record<string, string>>;
}
