import { QtkError } from '@qtk/ir';
import type { Backend } from '../Backend.js';
import { type BackendRegistry, backendRegistry } from './BackendRegistry.js';

function isBackend(v: unknown): v is Backend {
  return (
    typeof v === 'object' &&
    v !== null &&
    'specVersion' in v &&
    'marches' in v &&
    typeof (v as Backend).convert === 'function'
  );
}

/**
 * Loads a backend package by name (or path) and registers the backend it exports as `backend`
 * (or its default export): how the CLI's `--backend <package>` adds a third-party march.
 */
export async function loadBackendPackage(
  specifier: string,
  registry: BackendRegistry = backendRegistry,
): Promise<Backend> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (e) {
    throw new QtkError(
      'backend.load',
      `cannot load backend package '${specifier}': ${(e as Error).message.split('\n')[0]}`,
    );
  }
  const candidate = mod.backend ?? mod.default;
  if (!isBackend(candidate)) {
    throw new QtkError(
      'backend.load',
      `package '${specifier}' exports no qtk backend (expected an export named 'backend')`,
    );
  }
  registry.register(candidate);
  return candidate;
}
