import { type Artifact, QtkError } from '@qtk/ir';
import { BACKEND_SPEC_VERSION, type Backend } from '../Backend.js';
import type { BackendOptionValues } from '../BackendOption.js';
import { checkConvertible } from './checkConvertible.js';
import { resolveOptions } from './resolveOptions.js';

/** Which backends serve which marches. */
export class BackendRegistry {
  readonly #byMarch = new Map<string, Backend>();

  /**
   * Adds a backend. A backend of another spec version, or one claiming a march another backend
   * already serves, is an error; registering the same backend object again is a no-op.
   */
  register(backend: Backend): void {
    if (backend.specVersion !== BACKEND_SPEC_VERSION) {
      throw new QtkError(
        'backend.spec-version',
        `backend ${backend.name} implements backend spec ${backend.specVersion}; this qtk needs spec ${BACKEND_SPEC_VERSION}`,
      );
    }
    for (const march of backend.marches) {
      const other = this.#byMarch.get(march);
      if (other && other !== backend) {
        throw new QtkError(
          'backend.duplicate-march',
          `march '${march}' is served by ${other.name} already; ${backend.name} cannot take it`,
        );
      }
    }
    for (const march of backend.marches) this.#byMarch.set(march, backend);
  }

  /** The marches registered, sorted. */
  marches(): string[] {
    return [...this.#byMarch.keys()].sort();
  }

  /** The registered backends, each once. */
  backends(): Backend[] {
    return [...new Set(this.#byMarch.values())];
  }

  /** The backend of a march; an unknown march is an error listing the registered ones. */
  backendFor(march: string): Backend {
    const b = this.#byMarch.get(march);
    if (!b) {
      const known = this.marches();
      throw new QtkError(
        'backend.unknown-march',
        `no backend for march '${march}'; registered marches: ${known.length ? known.join(', ') : 'none (load a backend package)'}`,
      );
    }
    return b;
  }

  /**
   * Converts a calibrated QAT artifact for `march` with the backend's options (defaults filled in,
   * unknown options refused). The result records the march, the backend and its options.
   */
  convert(qat: Artifact, march: string, options: BackendOptionValues = {}, source = 'artifact'): Artifact {
    const backend = this.backendFor(march);
    checkConvertible(qat, source);
    const resolved = resolveOptions(backend, options);
    const out = backend.convert(qat, march, resolved);
    return {
      ...out,
      metadata: {
        ...out.metadata,
        march,
        backend: backend.name,
        ...Object.fromEntries(Object.entries(resolved).map(([k, v]) => [`option.${k}`, String(v)])),
      },
    };
  }
}

/** The process-wide registry backend packages register into. */
export const backendRegistry: BackendRegistry = new BackendRegistry();
