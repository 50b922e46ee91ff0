import type { Graph } from '../graph/Graph.js';

/**
 * The version of the .qtk format this qtk writes and the newest it reads. Bump it on any change
 * an older reader would misread; adding fields it can ignore does not need a bump.
 */
export const ARTIFACT_FORMAT_VERSION = 1;

/** Where in the flow an artifact's graph is. */
export type ArtifactKind = 'float' | 'qat' | 'quantized';

/** A saved model: a graph with its weights, what stage it is at, and provenance. */
export interface Artifact {
  readonly kind: ArtifactKind;
  readonly graph: Graph;
  /** Free-form provenance (producer, source file, march). */
  readonly metadata: Readonly<Record<string, string>>;
  /**
   * Named payloads of higher packages (for example `qtk.observers`, the observer states of a QAT
   * artifact), opaque to the IR. Absent means none.
   */
  readonly sections?: Readonly<Record<string, Uint8Array>>;
}
