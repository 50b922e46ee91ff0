import { QtkError } from '../errors/QtkError.js';
import { Tensor } from '../tensor/Tensor.js';
import { SymbolicTensor } from './SymbolicTensor.js';

/** What a forward may return: one tensor or several (a tuple). */
export type ModuleOutput = SymbolicTensor | readonly SymbolicTensor[];

/**
 * The base of every model and layer, as PyTorch's `nn.Module`.
 *
 * Sub-modules and parameters are plain properties: a property holding a {@link Module} is a child
 * (named by the property), one holding a {@link Tensor} is a parameter or buffer, and an array of
 * modules is a list of children named `name.0`, `name.1`, ... Declare them in the order PyTorch's
 * `__init__` creates them, and seeded initialization gives PyTorch's weights.
 *
 * Call a module with {@link Module.call} (PyTorch's `module(x)`), which is what gives the traced
 * nodes their module-path names.
 */
export abstract class Module {
  /** The computation, on symbolic tensors while tracing. */
  abstract forward(...inputs: SymbolicTensor[]): ModuleOutput;

  /** Runs `forward` inside this module's scope, as PyTorch's `module(...)`. */
  call<This extends Module>(this: This, ...inputs: Parameters<This['forward']>): ReturnType<This['forward']> {
    const first = inputs.find((i): i is SymbolicTensor => i instanceof SymbolicTensor);
    if (!first) {
      throw new QtkError(
        'nn.not-traced',
        `${this.constructor.name}.call needs symbolic tensors: run the model through trace()`,
      );
    }
    return first.tracer.within(this, () => this.forward(...inputs)) as ReturnType<This['forward']>;
  }

  /** Direct children with their property names, in declaration order. */
  namedChildren(): [string, Module][] {
    const out: [string, Module][] = [];
    for (const [key, v] of Object.entries(this)) {
      if (v instanceof Module) out.push([key, v]);
      else if (Array.isArray(v)) {
        v.forEach((m, i) => {
          if (m instanceof Module) out.push([`${key}.${i}`, m]);
        });
      }
    }
    return out;
  }

  /** This module and every descendant with its dotted path (`''` for this one). */
  namedModules(prefix = ''): [string, Module][] {
    const out: [string, Module][] = [[prefix, this]];
    for (const [name, child] of this.namedChildren()) {
      out.push(...child.namedModules(prefix ? `${prefix}.${name}` : name));
    }
    return out;
  }

  /** Parameters and buffers of this module and its descendants by dotted path (`linear1.weight`). */
  stateDict(): Record<string, Tensor> {
    const out: Record<string, Tensor> = {};
    for (const [path, m] of this.namedModules()) {
      for (const [key, v] of Object.entries(m)) {
        if (v instanceof Tensor) out[path ? `${path}.${key}` : key] = v;
      }
    }
    return out;
  }

  /**
   * Replaces parameters and buffers by path, as `load_state_dict(strict=True)`: every key must
   * exist and match in dtype and shape.
   */
  loadStateDict(state: Readonly<Record<string, Tensor>>): void {
    const own = this.stateDict();
    for (const key of Object.keys(own)) {
      if (!(key in state)) throw new QtkError('nn.state-dict', `state dict has no entry '${key}'`);
    }
    for (const [key, t] of Object.entries(state)) {
      const current = own[key];
      if (!current) throw new QtkError('nn.state-dict', `unexpected state dict entry '${key}'`);
      if (current.dtype !== t.dtype || current.shape.join() !== t.shape.join()) {
        throw new QtkError(
          'nn.state-dict',
          `state dict entry '${key}' is ${t.dtype}[${t.shape}], the module has ${current.dtype}[${current.shape}]`,
        );
      }
      const dot = key.lastIndexOf('.');
      const owner = dot < 0 ? this : this.#find(key.slice(0, dot));
      (owner as unknown as Record<string, Tensor>)[key.slice(dot + 1)] = t;
    }
  }

  #find(path: string): Module {
    const found = this.namedModules().find(([p]) => p === path);
    if (!found) throw new QtkError('nn.state-dict', `no module at '${path}'`);
    return found[1];
  }
}
