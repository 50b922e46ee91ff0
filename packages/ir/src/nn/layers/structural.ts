import { LeafModule } from '../LeafModule.js';
import { Module } from '../Module.js';
import type { SymbolicTensor } from '../SymbolicTensor.js';

/** `nn.Identity`: returns its input and records nothing (PyTorch's export drops it too). */
export class Identity extends Module {
  forward(x: SymbolicTensor): SymbolicTensor {
    return x;
  }
}

/** `nn.Flatten(startDim)`, for the usual flatten-to-the-end case. */
export class Flatten extends LeafModule {
  constructor(readonly startDim = 1) {
    super();
  }

  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('Flatten', x, [], { axis: this.startDim });
  }
}

/** `nn.AdaptiveAvgPool2d(1)`: global average pooling (other output sizes are not supported). */
export class AdaptiveAvgPool2d extends LeafModule {
  constructor(readonly outputSize: 1 | [1, 1] = 1) {
    super();
  }

  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('GlobalAveragePool', x);
  }
}

/** `nn.MaxPool2d(kernelSize, stride, padding)`. */
export class MaxPool2d extends LeafModule {
  constructor(
    readonly kernelSize: number,
    readonly stride: number = kernelSize,
    readonly padding = 0,
  ) {
    super();
  }

  forward(x: SymbolicTensor): SymbolicTensor {
    const k = this.kernelSize;
    const p = this.padding;
    return this.emit('MaxPool', x, [], {
      kernel_shape: [k, k],
      strides: [this.stride, this.stride],
      pads: [p, p, p, p],
    });
  }
}

/** `nn.Sequential(...)`: children named `0`, `1`, ... called in order. */
export class Sequential extends Module {
  constructor(...layers: Module[]) {
    super();
    layers.forEach((m, i) => {
      (this as unknown as Record<string, Module>)[String(i)] = m;
    });
  }

  forward(x: SymbolicTensor): SymbolicTensor {
    let y = x;
    for (const [, m] of this.namedChildren()) y = m.call(y) as SymbolicTensor;
    return y;
  }
}
