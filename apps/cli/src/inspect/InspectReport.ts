import type { ArtifactKind, Dim, DType } from '@qtk/ir';
import type { QconfigJsonValue, QconfigWarning } from '@qtk/qconfig';
import type { ConversionReport } from '../convert/ConversionReport.js';

/** A value as `inspect` reports it. */
export interface ValueReport {
  readonly name: string;
  readonly dtype: DType;
  /** Dims; symbolic dims are strings. */
  readonly shape: readonly Dim[];
}

/** One node of the graph. */
export interface NodeReport {
  readonly name: string;
  /** The op, qualified by its domain when it has one (`qtk.nash::Rescale`). */
  readonly op: string;
  /** `null` where an optional input is absent. */
  readonly inputs: readonly (ValueReport | null)[];
  readonly outputs: readonly ValueReport[];
  /** Multiply-accumulates (see {@link estimateMacs}); 0 for ops that do none. */
  readonly macs: number;
  /** The hardware unit a backend placed the node on (`tae`, `vae`, `vpu`, `cpu`), or `null`. */
  readonly unit: string | null;
  /** True when a backend left the node in float32 on the CPU (its `fallback` annotation). */
  readonly fallback: boolean;
}

/** How a QAT artifact is quantized: its qconfig table. */
export interface QconfigReport {
  readonly march: string;
  /** The setters (presets) that decided. */
  readonly setters: readonly string[];
  /** One entry per op, exactly as in `qconfig.json` (see `qconfigJson` of `@qtk/qconfig`). */
  readonly ops: readonly QconfigJsonValue[];
  readonly warnings: readonly QconfigWarning[];
}

/**
 * Everything `qtk inspect` says about a model; `--json` prints exactly this object, keys in this
 * order (the README documents it as format `qtk.inspect/1`).
 */
export interface InspectReport {
  readonly format: 'qtk.inspect/1';
  readonly model: {
    readonly source: 'builtin' | 'onnx' | 'qtk';
    /** The file, or `null` for the built-in model. */
    readonly path: string | null;
    /** What the built-in model is, or `null`. */
    readonly description: string | null;
    readonly graphName: string;
    /** The stage of a `.qtk` artifact, or `null`. */
    readonly artifactKind: ArtifactKind | null;
  };
  /** Provenance (producer, opset, ...), sorted by key. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly inputs: readonly ValueReport[];
  readonly outputs: readonly ValueReport[];
  readonly nodes: readonly NodeReport[];
  /**
   * Nodes of the ONNX file that import computed into constants (shape arithmetic on static shapes,
   * masks, constant subgraphs): they cost nothing at run time. `null` when the model does not say
   * (a model built in TypeScript, an artifact of one).
   */
  readonly foldedAtImport: number | null;
  /** Nodes per op, sorted by op. */
  readonly opCounts: Readonly<Record<string, number>>;
  /** Elements of all floating-point constants (weights, biases, and float constants such as clip bounds). */
  readonly parameters: number;
  /** Sum of the nodes' MACs. */
  readonly macs: number;
  /** Symbolic dims that MACs counted as 1 (sorted); empty when every counted shape is concrete. */
  readonly macsSymbolicDimsAsOne: readonly string[];
  /** The qconfig table of a QAT artifact; `null` for any other model. */
  readonly qconfig: QconfigReport | null;
  /** How a quantized artifact was converted; `null` for any other model. */
  readonly conversion: ConversionReport | null;
}
