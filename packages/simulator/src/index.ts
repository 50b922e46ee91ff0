/**
 * `@qtk/simulator`: runs qtk graphs on typed arrays.
 *
 * @packageDocumentation
 */

export { evaluateNode } from './evaluateNode.js';
export { integerKernels } from './integerKernelTable.js';
export { coreKernels } from './kernelTable.js';
export { type NodeRunEvent, type RunHooks, type RunOptions, type RunResult, runGraph } from './runGraph.js';
export { kernelFor } from './runNode.js';
export { validateFeeds } from './validateFeeds.js';
