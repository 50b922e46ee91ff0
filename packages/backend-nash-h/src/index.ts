/**
 * `@qtk/backend-nash-h`: the backend for marches nash-h and nash-p. Importing the package
 * registers it in `backendRegistry` of `@qtk/backend`.
 *
 * @packageDocumentation
 */
import { backendRegistry } from '@qtk/backend';
import { backend } from './nashHBackend.js';

backendRegistry.register(backend);

export { backend } from './nashHBackend.js';
export { nashHIntegerConvPolicy, nashHPolicy } from './nashHPolicy.js';
