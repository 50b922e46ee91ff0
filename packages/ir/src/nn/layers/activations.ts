import { Tensor } from '../../tensor/Tensor.js';
import { LeafModule } from '../LeafModule.js';
import type { SymbolicTensor } from '../SymbolicTensor.js';

/** `nn.ReLU`. */
export class ReLU extends LeafModule {
  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('Relu', x);
  }
}

/** `nn.ReLU6`, traced as PyTorch exports it: Clip to [0, 6]. */
export class ReLU6 extends LeafModule {
  readonly #min = new Tensor('float32', [], Float32Array.of(0));
  readonly #max = new Tensor('float32', [], Float32Array.of(6));

  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('Clip', x, [
      ['min', this.#min],
      ['max', this.#max],
    ]);
  }
}

/** `nn.GELU(approximate)`: `'none'` (erf form) or `'tanh'`. */
export class GELU extends LeafModule {
  constructor(readonly approximate: 'none' | 'tanh' = 'none') {
    super();
  }

  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('Gelu', x, [], { approximate: this.approximate });
  }
}

/** `nn.Sigmoid`. */
export class Sigmoid extends LeafModule {
  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('Sigmoid', x);
  }
}

/** `nn.Tanh`. */
export class Tanh extends LeafModule {
  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('Tanh', x);
  }
}

/** `nn.Softmax(dim)`. */
export class Softmax extends LeafModule {
  constructor(readonly dim: number) {
    super();
  }

  forward(x: SymbolicTensor): SymbolicTensor {
    return this.emit('Softmax', x, [], { axis: this.dim });
  }
}
