/** A node a backend left in float32 on the CPU. */
export interface FallbackReport {
  readonly name: string;
  /** The op, qualified by its domain when it has one. */
  readonly op: string;
  /** The node's `fallback` annotation (`float32 on the CPU`). */
  readonly note: string;
}

/**
 * What a conversion made of a model, read back from a quantized artifact: where it came from
 * (metadata), where its nodes run (`unit` annotations), what runs in float, and the backend's
 * warnings (section `qtk.convert`).
 */
export interface ConversionReport {
  /** The artifact's `march` metadata, or `null` when it has none. */
  readonly march: string | null;
  /** The package of the backend that converted it (`backend` metadata), or `null`. */
  readonly backend: string | null;
  /** The backend options it was converted with (`option.<name>` metadata), sorted by name. */
  readonly options: Readonly<Record<string, string>>;
  /**
   * Nodes per `unit` annotation: `tae`, `vae`, `vpu`, `cpu` always (0 included), then any other unit
   * in name order, then `none` for nodes without a unit, when there are some.
   */
  readonly nodesPerUnit: Readonly<Record<string, number>>;
  /** Nodes annotated `fallback`, in graph order. */
  readonly fallbacks: readonly FallbackReport[];
  /** The backend's warnings, in its order. */
  readonly warnings: readonly string[];
}
