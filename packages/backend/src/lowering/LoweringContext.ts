import {
  type AttributeValue,
  Graph,
  type Node,
  QTK_DOMAIN,
  QtkError,
  quantizeMultiplier,
  type Tensor,
  type Value,
} from '@qtk/ir';
import type { HardwareUnit } from '../HardwareUnit.js';
import { type Lowered, type LoweredFloat, type LoweredInt, sameQuantization } from './Lowered.js';
import type { LoweringPolicy } from './LoweringPolicy.js';

/** A requantization target: integer dtype and scales. */
export interface QuantTarget {
  readonly dtype: 'int8' | 'int16';
  readonly scales: readonly number[];
  readonly axis?: number;
}

/** What one emitted node is: op, inputs, attributes, where it runs. */
export interface EmitSpec {
  readonly op: string;
  readonly domain?: string;
  readonly name: string;
  readonly inputs: readonly (Value | null)[];
  readonly attrs?: Record<string, AttributeValue>;
  readonly outputs?: readonly string[];
  readonly unit: HardwareUnit;
  /** A float op kept on the CPU because the backend has no integer kernel for it. */
  readonly fallback?: boolean;
}

/**
 * The state of one lowering: the QAT graph being read, the converted graph being written, what
 * each QAT tensor became, and the nodes already folded into others (a GEMM's activation and output
 * fake quantization).
 */
export class LoweringContext {
  readonly source: Graph;
  readonly graph: Graph;
  readonly policy: LoweringPolicy;
  readonly warnings: string[] = [];
  readonly #lowered = new Map<Value, Lowered>();
  readonly #consumed = new Set<Node>();
  readonly #constants = new Map<Value, Value>();
  readonly #dequantized = new Map<Value, LoweredFloat>();
  /** The model's output names: kept free for the outputs themselves. */
  readonly #reserved: ReadonlySet<string>;

  constructor(source: Graph, policy: LoweringPolicy) {
    this.source = source;
    this.policy = policy;
    this.graph = new Graph(source.name, source.registry);
    Object.assign(this.graph.metadata, source.metadata);
    this.#reserved = new Set(source.outputs.map((v) => v.name));
  }

  /** Marks a QAT node as folded into another converted node (it emits nothing itself). */
  consume(node: Node): void {
    this.#consumed.add(node);
  }

  isConsumed(node: Node): boolean {
    return this.#consumed.has(node);
  }

  /**
   * An op that requantizes straight into the point after it: the op's integer result (at the
   * point's dtype and scale) stands for the point, which emits nothing.
   */
  completePoint(fq: Node, value: Value, dtype: 'int8' | 'int16', scale: number): void {
    this.consume(fq);
    this.set(fq.output(), { kind: 'int', value, dtype, scales: [scale] });
  }

  /** Records what a QAT tensor became. */
  set(v: Value, lowered: Lowered): void {
    this.#lowered.set(v, lowered);
  }

  /** What a QAT tensor became; a QAT constant that nothing quantized is copied over as is. */
  get(v: Value): Lowered {
    const l = this.#lowered.get(v);
    if (l) return l;
    if (v.constant) return { kind: 'float', value: this.constant(v) };
    throw new QtkError(
      'backend.lowering',
      `tensor '${v.name}' is read before it is converted (the QAT graph is not in order)`,
    );
  }

  /** The converted graph's copy of a QAT constant (made once). */
  constant(v: Value): Value {
    let c = this.#constants.get(v);
    if (!c) {
      c = this.graph.addConstant(v.name, v.constant as Tensor);
      this.#constants.set(v, c);
    }
    return c;
  }

  /**
   * Adds a node to the converted graph, annotated with its unit (and `fallback`). Output names are
   * the requested ones, made unique, never a model output's name (the outputs take those last).
   */
  emit(spec: EmitSpec): Node {
    const node = this.graph.addNode({
      op: spec.op,
      domain: spec.domain ?? '',
      name: spec.name,
      inputs: spec.inputs,
      attrs: spec.attrs ?? {},
      outputs: (spec.outputs ?? [spec.name]).map((n) =>
        this.graph.uniqueValueName(this.#reserved.has(n) ? `${n}_int` : n),
      ),
    });
    node.annotations = { unit: spec.unit, ...(spec.fallback ? { fallback: 'float32 on the CPU' } : {}) };
    return node;
  }

  /** A float view of a converted tensor: itself, or one Dequantize of it (made once per tensor). */
  toFloat(l: Lowered, unit: HardwareUnit = this.policy.units.dequantize): LoweredFloat {
    if (l.kind === 'float') return l;
    const cached = this.#dequantized.get(l.value);
    if (cached) return cached;
    const node = this.emit({
      op: 'Dequantize',
      domain: QTK_DOMAIN,
      name: `${l.value.name}_dequantize`,
      inputs: [l.value],
      attrs: { scales: [...l.scales], ...(l.axis !== undefined ? { axis: l.axis } : {}) },
      unit,
    });
    const f: LoweredFloat = { kind: 'float', value: node.output(), dequantizedFrom: l };
    this.#dequantized.set(l.value, f);
    return f;
  }

  /**
   * A converted tensor brought to `target`: itself when it already is (the requantization
   * vanishes), a Rescale of an integer one (also of the integer one a Dequantize came from: a
   * dequantize + quantize pair becomes one Rescale), or a Quantize of a float one.
   */
  quantizeTo(l: Lowered, target: QuantTarget, name: string): LoweredInt {
    const source = l.kind === 'int' ? l : l.dequantizedFrom;
    if (source) {
      if (sameQuantization(source, target)) return source;
      return this.rescale(source, target, name);
    }
    const node = this.emit({
      op: 'Quantize',
      domain: QTK_DOMAIN,
      name,
      inputs: [l.value],
      attrs: {
        out_dtype: target.dtype,
        scales: [...target.scales],
        ...(target.axis !== undefined ? { axis: target.axis } : {}),
      },
      unit: l.kind === 'float' && l.onCpu ? this.policy.units.fallback : this.policy.units.quantize,
    });
    return { kind: 'int', value: node.output(), ...target };
  }

  /** One Rescale from an integer tensor to a per-tensor target (per source channel when the source has scales per channel). */
  rescale(source: LoweredInt, target: QuantTarget, name: string): LoweredInt {
    if (target.scales.length !== 1) {
      throw new QtkError('backend.lowering', `${name}: per-channel requantization targets are not supported`);
    }
    const sOut = target.scales[0] as number;
    const params = source.scales.map((s) => quantizeMultiplier(s / sOut, name));
    const node = this.emit({
      op: 'Rescale',
      domain: QTK_DOMAIN,
      name,
      inputs: [source.value],
      attrs: {
        out_dtype: target.dtype,
        multipliers: params.map((p) => p.multiplier),
        shifts: params.map((p) => p.shift),
        ...(source.axis !== undefined && source.scales.length > 1 ? { axis: source.axis } : {}),
        input_scale: [...source.scales],
        output_scale: [sOut],
      },
      unit: this.policy.units.vector,
    });
    return { kind: 'int', value: node.output(), dtype: target.dtype, scales: [sOut] };
  }
}
