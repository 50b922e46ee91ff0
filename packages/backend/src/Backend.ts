import type { Artifact } from '@qtk/ir';
import type { BackendCapabilities } from './BackendCapabilities.js';
import type { BackendOption, BackendOptionValues } from './BackendOption.js';
import type { CostModel } from './CostModel.js';

/**
 * The version of the backend interface this `@qtk/backend` speaks. The registry refuses a backend
 * built against another version, so a third-party backend fails loudly rather than half-working.
 */
export const BACKEND_SPEC_VERSION = 1;

/**
 * A hardware backend: converts QAT artifacts to the integer ("quantized") artifacts its marches
 * run. A backend lives in a package of its own and registers itself; no other package changes.
 */
export interface Backend {
  /** Must equal {@link BACKEND_SPEC_VERSION}. */
  readonly specVersion: number;
  /** Its package name (`@qtk/backend-nash-m`). */
  readonly name: string;
  /** The marches it serves (`nash-e`, `nash-m`). */
  readonly marches: readonly string[];
  readonly description: string;
  readonly capabilities: BackendCapabilities;
  readonly options: readonly BackendOption[];
  /**
   * The quantized artifact of a calibrated QAT artifact: integer ops with their parameters, each
   * node annotated with the unit it runs on. Deterministic: the same inputs give the same bytes.
   */
  convert(qat: Artifact, march: string, options: BackendOptionValues): Artifact;
  readonly costModel?: CostModel;
}
