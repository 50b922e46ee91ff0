/**
 * `@qtk/backend`: the contract for qtk's hardware backends and the tools they share.
 *
 * @packageDocumentation
 */
export * from './Backend.js';
export * from './BackendCapabilities.js';
export * from './BackendOption.js';
export * from './CostModel.js';
export * from './consistency/measureGemmConsistency.js';
export * from './HardwareUnit.js';
export * from './kit/backendConformanceChecks.js';
export * from './kit/calibrateToQat.js';
export * from './kit/conformanceModels.js';
export type { Lowered, LoweredFloat, LoweredInt } from './lowering/Lowered.js';
export * from './lowering/LoweringPolicy.js';
export * from './lowering/loweringCapabilities.js';
export * from './lowering/lowerToInteger.js';
export * from './registry/BackendRegistry.js';
export * from './registry/checkConvertible.js';
export * from './registry/loadBackendPackage.js';
