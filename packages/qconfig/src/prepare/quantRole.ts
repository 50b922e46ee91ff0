import type { Node, OpRegistry, QuantRole, Value, WeightInput } from '@qtk/ir';

function isFloatValue(v: Value | null): boolean {
  return v !== null && (v.type.dtype === 'float32' || v.type.dtype === 'float64');
}

/**
 * The role of a node in quantization: the `quantRole` its op definition declares (ops the
 * registry does not know are `compute`: they get their own output scale), except that an op
 * computing no floating-point output is `float`, never quantized.
 */
export function quantRoleOf(node: Node, registry: OpRegistry): QuantRole {
  const role = registry.traitsOf(node).quantRole;
  if (role === 'quant-stub' || role === 'dequant-stub') return role;
  if (!node.outputs.some(isFloatValue)) return 'float';
  return role;
}

/**
 * True when input `index` is part of the op's own arithmetic (a bias, normalization statistics,
 * clip bounds): never fake-quantized as an activation, never where a passthrough op takes its
 * quantization from.
 */
export function isParameterInput(node: Node, index: number, registry: OpRegistry): boolean {
  return registry.traitsOf(node).parameterInputs?.includes(index) ?? false;
}

/** The first float input of a passthrough op that is not a parameter: where its quantization comes from. */
export function passthroughSource(node: Node, registry: OpRegistry): Value | null {
  return (
    node.inputs.find((v, i) => v && !v.constant && isFloatValue(v) && !isParameterInput(node, i, registry)) ?? null
  );
}

/** True when the BPU computes the op's internals in int16 whatever the qconfig (SPEC section 2). */
export function hasInt16Internals(node: Node, registry: OpRegistry): boolean {
  return registry.traitsOf(node).int16Internals === true;
}

/**
 * The input of a GEMM's weight and its per-output-channel axis, when the weight is a float
 * constant (a MatMul of two activations has none).
 */
export function weightOf(node: Node, registry: OpRegistry): WeightInput | undefined {
  const w = registry.traitsOf(node).weight?.(node, registry.attributesOf(node));
  const value = w && node.inputs[w.index];
  if (!w || !value?.constant || !isFloatValue(value)) return undefined;
  return w;
}
