/**
 * `@qtk/backend-nash-m`: the backend for marches nash-e and nash-m. Importing the package
 * registers it in `backendRegistry` of `@qtk/backend`.
 *
 * @packageDocumentation
 */
import { backendRegistry } from '@qtk/backend';
import { backend } from './nashMBackend.js';

backendRegistry.register(backend);

export { backend } from './nashMBackend.js';
export { nashMPolicy } from './nashMPolicy.js';
