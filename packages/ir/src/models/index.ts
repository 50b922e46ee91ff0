/**
 * `@qtk/ir/models`: example models written with qtk's model-building API.
 *
 * @packageDocumentation
 */
export * from './articleModels.js';
