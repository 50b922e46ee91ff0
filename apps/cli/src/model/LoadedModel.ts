import type { ArtifactKind, Graph, Tensor } from '@qtk/ir';
import type { PreparedModel } from '@qtk/qconfig';
import type { ConversionReport } from '../convert/ConversionReport.js';

/** Where a model came from. */
export type ModelSource =
  | { readonly kind: 'builtin'; readonly name: string; readonly description: string }
  | { readonly kind: 'onnx'; readonly path: string }
  | { readonly kind: 'qtk'; readonly path: string; readonly artifactKind: ArtifactKind };

/** A model ready for a command: its graph, where it came from, and provenance. */
export interface LoadedModel {
  readonly graph: Graph;
  readonly source: ModelSource;
  /** Provenance (producer, opset, ...): the graph's metadata, plus an artifact's own. */
  readonly metadata: Readonly<Record<string, string>>;
  /** Inputs to run it on when the user gives none (only the built-in model has them). */
  readonly exampleInputs?: Readonly<Record<string, Tensor>>;
  /**
   * For a QAT artifact: the calibrated model (in VALIDATION) with its observers and qconfig
   * decisions; `graph` is its graph, so running `graph` runs the fake-quant model.
   */
  readonly qat?: PreparedModel;
  /** For a quantized artifact: its march, backend, units, fallbacks and the backend's warnings. */
  readonly conversion?: ConversionReport;
}
