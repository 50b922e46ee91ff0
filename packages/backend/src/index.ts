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
export * from './lowering/defaultLowerings.js';
export * from './lowering/fakeQuantTarget.js';
export type { Lowered, LoweredFloat, LoweredInt } from './lowering/Lowered.js';
export { type EmitSpec, LoweringContext, type QuantTarget } from './lowering/LoweringContext.js';
export * from './lowering/LoweringPolicy.js';
export * from './lowering/loweringCapabilities.js';
export * from './lowering/loweringTable.js';
export * from './lowering/lowerToInteger.js';
export type { LoweringOutcome, OpLowering } from './lowering/OpLowering.js';
export * from './lowering/outputPoint.js';
export * from './registry/BackendRegistry.js';
export * from './registry/checkConvertible.js';
export * from './registry/loadBackendPackage.js';
