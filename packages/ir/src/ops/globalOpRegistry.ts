import { coreOps } from './core/index.js';
import { integerOps } from './integer/index.js';
import { OpRegistry } from './OpRegistry.js';

/**
 * The process-wide op registry: qtk's core (float) ops and integer ops (domain `qtk`), plus
 * whatever backend packages register.
 * Pass another {@link OpRegistry} where isolation matters (tests of a third-party backend).
 */
export const opRegistry: OpRegistry = new OpRegistry([...coreOps, ...integerOps]);
