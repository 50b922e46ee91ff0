/**
 * `@qtk/cli`: the `qtk` command as a function ({@link main}), and the `.npy`/`.npz` readers and
 * writer it uses.
 *
 * @packageDocumentation
 */

export type { CliIo } from './cli/CliIo.js';
export { processIo } from './cli/CliIo.js';
export { ExitCode } from './cli/ExitCode.js';
export type { ConversionReport, FallbackReport } from './convert/ConversionReport.js';
export type { InspectReport, NodeReport, ValueReport } from './inspect/InspectReport.js';
export { decodeNpy } from './io/npy/decodeNpy.js';
export { encodeNpy } from './io/npy/encodeNpy.js';
export { readNpyFile, writeNpyFile } from './io/npy/npyFile.js';
export { decodeNpz } from './io/npz/decodeNpz.js';
export { readNpzFile } from './io/npz/npzFile.js';
export { main } from './main.js';
