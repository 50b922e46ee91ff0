import type { DType } from '../dtype/DType.js';
import type { Value } from '../graph/Value.js';
import type { Shape } from '../shape/Shape.js';
import { Tensor } from '../tensor/Tensor.js';
import type { Tracer } from './Tracer.js';

/**
 * What flows through `forward` while a module is traced: a graph value with its static dtype and
 * shape. Its methods record ops, as a PyTorch tensor's methods would compute them.
 */
export class SymbolicTensor {
  readonly tracer: Tracer;
  readonly value: Value;

  /** @internal created by the tracer */
  constructor(tracer: Tracer, value: Value) {
    this.tracer = tracer;
    this.value = value;
  }

  get dtype(): DType {
    return this.value.type.dtype;
  }

  get shape(): Shape {
    return this.value.type.shape;
  }

  add(other: SymbolicTensor | number): SymbolicTensor {
    return this.#binary('Add', other);
  }

  sub(other: SymbolicTensor | number): SymbolicTensor {
    return this.#binary('Sub', other);
  }

  mul(other: SymbolicTensor | number): SymbolicTensor {
    return this.#binary('Mul', other);
  }

  div(other: SymbolicTensor | number): SymbolicTensor {
    return this.#binary('Div', other);
  }

  matmul(other: SymbolicTensor): SymbolicTensor {
    return this.#unaryOut('MatMul', [this, other]);
  }

  relu(): SymbolicTensor {
    return this.#unaryOut('Relu', [this]);
  }

  sigmoid(): SymbolicTensor {
    return this.#unaryOut('Sigmoid', [this]);
  }

  tanh(): SymbolicTensor {
    return this.#unaryOut('Tanh', [this]);
  }

  softmax(dim: number): SymbolicTensor {
    return this.#unaryOut('Softmax', [this], { axis: dim });
  }

  /** `x.flatten(startDim)` for the common `startDim`-to-last case. */
  flatten(startDim = 1): SymbolicTensor {
    return this.#unaryOut('Flatten', [this], { axis: startDim });
  }

  /** `x.reshape(...)`: `-1` infers a dim. */
  reshape(...shape: number[]): SymbolicTensor {
    const s = this.tracer.constant(Tensor.int64([shape.length], shape), `${this.tracer.scope || 'reshape'}.shape`);
    return this.#unaryOut('Reshape', [this, s]);
  }

  /** `x.permute(...)`. */
  permute(...dims: number[]): SymbolicTensor {
    return this.#unaryOut('Transpose', [this], { perm: dims });
  }

  /** `x.mean(dims, keepdim)`. */
  mean(dims: number | readonly number[], keepdim = false): SymbolicTensor {
    return this.#unaryOut('ReduceMean', [this], {
      axes: typeof dims === 'number' ? [dims] : [...dims],
      keepdims: keepdim ? 1 : 0,
    });
  }

  #binary(op: string, other: SymbolicTensor | number): SymbolicTensor {
    const rhs = typeof other === 'number' ? this.#scalar(other) : other;
    return this.#unaryOut(op, [this, rhs]);
  }

  /** A scalar constant of this tensor's dtype, as PyTorch promotes a Python number. */
  #scalar(v: number): Value {
    const t = Tensor.zeros(this.dtype, []);
    if (t.data instanceof BigInt64Array) t.data[0] = BigInt(Math.trunc(v));
    else t.data[0] = v;
    return this.tracer.constant(t, `${this.tracer.scope || 'scalar'}.const`);
  }

  #unaryOut(op: string, inputs: readonly (SymbolicTensor | Value)[], attrs = {}): SymbolicTensor {
    return this.tracer.emit(op, inputs, attrs)[0] as SymbolicTensor;
  }
}
