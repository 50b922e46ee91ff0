/**
 * `@qtk/qconfig`: qconfigs, the preset templates, prepare, fake-quant states and the QAT artifact.
 *
 * @packageDocumentation
 */
export * from './artifact/exportQat.js';
export * from './artifact/loadQat.js';
export * from './FakeQuantState.js';
export * from './getQconfig.js';
export * from './March.js';
export * from './PreparedModel.js';
export type { FakeQuantPoint, FakeQuantRole } from './prepare/addFakeQuantize.js';
export * from './prepare/prepare.js';
export * from './prepare/quantRole.js';
export * from './QConfig.js';
export * from './qdq/preparedFromQdq.js';
export * from './RunHooks.js';
export * from './setFakeQuantize.js';
export * from './setters/combineSetters.js';
export * from './setters/ModuleNameQconfigSetter.js';
export * from './setters/presetSetter.js';
export * from './setters/presets.js';
export * from './setters/QconfigSetter.js';
export * from './setters/SetterContext.js';
export * from './setters/templateSetter.js';
export * from './table/buildQconfigTable.js';
export * from './table/formatQconfigTable.js';
export * from './table/QconfigTable.js';
export * from './table/qconfigJson.js';
