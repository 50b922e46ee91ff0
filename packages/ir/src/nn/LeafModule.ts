import type { Attributes } from '../graph/Attribute.js';
import type { Tensor } from '../tensor/Tensor.js';
import { Module } from './Module.js';
import type { SymbolicTensor } from './SymbolicTensor.js';

/**
 * A layer that traces to exactly one graph node named after the layer's module path (`linear1`),
 * with its parameters as named constants (`linear1.weight`).
 */
export abstract class LeafModule extends Module {
  /** Records `op` over `x` and the given parameters (`null` for an absent optional one). */
  protected emit(
    op: string,
    x: SymbolicTensor,
    params: readonly [string, Tensor | null][] = [],
    attrs: Attributes = {},
  ): SymbolicTensor {
    const tracer = x.tracer;
    const scope = tracer.scope;
    const inputs = params.map(([name, t]) => (t ? tracer.constant(t, scope ? `${scope}.${name}` : name) : null));
    return tracer.emit(op, [x, ...inputs], attrs, true)[0] as SymbolicTensor;
  }
}
