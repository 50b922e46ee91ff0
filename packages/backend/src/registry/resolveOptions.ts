import { QtkError } from '@qtk/ir';
import type { Backend } from '../Backend.js';
import type { BackendOptionValues } from '../BackendOption.js';

/** A backend's options with defaults filled in; unknown names and wrong types are errors listing the valid ones. */
export function resolveOptions(backend: Backend, given: BackendOptionValues): BackendOptionValues {
  const out: Record<string, boolean | number | string> = {};
  const names = backend.options.map((o) => o.name);
  for (const [name, value] of Object.entries(given)) {
    const spec = backend.options.find((o) => o.name === name);
    if (!spec) {
      throw new QtkError(
        'backend.option',
        `${backend.name} has no option '${name}'${names.length ? `; its options: ${names.join(', ')}` : ' (it takes none)'}`,
      );
    }
    if (typeof value !== spec.type)
      throw new QtkError('backend.option', `${backend.name}: option '${name}' must be a ${spec.type}`);
  }
  for (const o of backend.options) out[o.name] = given[o.name] ?? o.default;
  return out;
}
